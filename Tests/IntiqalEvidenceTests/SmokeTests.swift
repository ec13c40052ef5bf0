import Testing
@testable import IntiqalEvidence
