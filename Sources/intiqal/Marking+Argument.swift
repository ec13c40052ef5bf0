import ArgumentParser
import IntiqalStorage

extension Marking: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
