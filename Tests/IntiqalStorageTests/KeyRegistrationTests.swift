import Foundation
import IntiqalLedger
import Testing
@testable import IntiqalStorage

/// Key registrations in a workspace: pending until another party's co-chair countersigns.
@Suite struct KeyRegistrationTests {
    @Test(arguments: StoreKind.allCases)
    func pendingKeyCannotSignUntilCountersigned(kind: StoreKind) throws {
        let store = try kind.make()
        try store.importScenario(try example(), actor: "sec")
        let book = DecisionBook(store: store)
        let irq = PartyKey(party: "IRQ"), usa = PartyKey(party: "USA")
        try book.registerKey(party: "IRQ", publicKey: irq.publicKey, actor: "sec")
        try book.registerKey(party: "USA", publicKey: usa.publicKey, actor: "sec")
        let d = try book.propose(DecisionRequest(kind: .adoptScale, factor: .threat, version: 1), actor: "sec")
        #expect { try book.sign(seq: d.seq, key: irq, actor: "irq") } throws: { "\($0)".contains("not yet countersigned") }
        #expect { try book.countersignKey(seq: 1, key: PartyKey(party: "IRQ"), actor: "x") } throws: { "\($0)".contains("another party") }
        #expect(try book.countersignKey(seq: 1, key: usa, actor: "usa").active == false)
        #expect(try book.countersignKey(seq: 2, key: irq, actor: "irq").active)
        #expect(throws: StorageError.self) { try book.countersignKey(seq: 2, key: irq, actor: "irq") }
        #expect(try book.sign(seq: d.seq, key: irq, actor: "irq").signedBy == ["IRQ"])
        #expect(try book.verify().ok)
    }

    @Test(arguments: StoreKind.allCases)
    func samePublicKeyIsRegisteredOnce(kind: StoreKind) throws {
        let store = try kind.make()
        try store.importScenario(try example(), actor: "sec")
        let book = DecisionBook(store: store)
        let irq = PartyKey(party: "IRQ")
        try book.registerKey(party: "IRQ", publicKey: irq.publicKey, actor: "sec")
        #expect { try book.registerKey(party: "USA", publicKey: irq.publicKey, actor: "sec") } throws: { "\($0)".contains("already registered") }
    }

    @Test(arguments: StoreKind.allCases)
    func receiptSignsTheHeadAndFailsAfterTruncation(kind: StoreKind) throws {
        let store = try kind.make()
        try store.importScenario(try example(), actor: "sec")
        let book = DecisionBook(store: store)
        let irq = PartyKey(party: "IRQ"), usa = PartyKey(party: "USA")
        try registerCoChairs(book, irq, usa)
        let receipt = try book.receipt(key: usa)
        let entries = try store.ledgerEntries()
        #expect(receipt.seq == 4 && receipt.head == entries[3].hash && receipt.party == "USA")
        #expect(receipt.contradiction(entries: entries, report: try book.verify()) == nil)
        let shorter = Array(entries.prefix(3))
        #expect(receipt.contradiction(entries: shorter, report: LedgerVerifier.verify(shorter)) != nil)
        #expect(throws: StorageError.self) { try book.receipt(key: PartyKey(party: "IRQ")) }
    }

    /// Two co-chairs acting at once: whatever the interleaving, the ledger written still verifies
    /// (a signature prepared against a ledger that has since grown is refused, not appended).
    @Test func concurrentSignaturesNeverBreakTheLedger() throws {
        for _ in 0..<5 {
            let store = try StoreKind.file.makeSQLite()
            try store.importScenario(try example(), actor: "sec")
            let book = DecisionBook(store: store)
            let irq = PartyKey(party: "IRQ"), usa = PartyKey(party: "USA")
            try book.registerKey(party: "IRQ", publicKey: irq.publicKey, actor: "sec")
            try book.registerKey(party: "USA", publicKey: usa.publicKey, actor: "sec")
            try book.countersignKey(seq: 1, key: usa, actor: "usa")
            // Both try to make the same countersignature; at most one may land.
            DispatchQueue.concurrentPerform(iterations: 4) { _ in _ = try? book.countersignKey(seq: 2, key: irq, actor: "irq") }
            let report = try book.verify()
            #expect(report.ok, "\(String(describing: report.failure))")
            #expect(report.entries == 4)
        }
    }

    @Test func signaturePreparedAgainstAnOlderLedgerIsRefused() throws {
        let report = LedgerVerifier.verify([])
        #expect(throws: StorageError.self) { try DecisionBook.unchanged(since: report, next: 2) }
        #expect(throws: Never.self) { try DecisionBook.unchanged(since: report, next: 1) }
    }
}
