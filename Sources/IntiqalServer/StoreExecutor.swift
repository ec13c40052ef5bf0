import Foundation
import Hummingbird

/// A small pool of threads of its own for the workspace's blocking SQLite calls, so that they
/// never occupy Swift's cooperative threads (one per core) nor NIO's event loops: a slow disk
/// or a long read makes its own request wait, not everyone's. `StoreExecutorMiddleware` runs
/// each request's handler with this executor as its task executor preference (SE-0417), so the
/// use cases' synchronous store calls happen on these threads. Reads proceed in parallel (the
/// file store is a WAL `DatabasePool`); writes queue for SQLite's one writer.
public final class StoreExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []   // guarded by `condition`; FIFO through `head`
    private var head = 0
    public let threadCount: Int

    /// The process's pool (threads live as long as the process; every router shares them).
    public static let shared = StoreExecutor()

    /// `threads`: how many store calls may block at once (default 8: more than the cores,
    /// since most of the time of a blocked call is waiting on the disk or the write lock).
    public init(threads: Int = 8) {
        threadCount = max(1, threads)
        for i in 0..<threadCount {
            let thread = Thread { [unowned self] in self.work() }
            thread.name = "intiqal-store-\(i)"
            thread.stackSize = 8 << 20   // the planner recurses; as a main thread's
            thread.start()
        }
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while head == jobs.count { condition.wait() }
            let job = jobs[head]
            head += 1
            if head > 1024 && head * 2 > jobs.count {   // drop what has run, now and then
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

/// Runs the rest of the request (the session lookup and the handler, with their store calls)
/// on the `StoreExecutor`'s threads.
struct StoreExecutorMiddleware<Context: RequestContext>: RouterMiddleware {
    let executor: StoreExecutor

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await withTaskExecutorPreference(executor) {
            try await next(request, context)
        }
    }
}
