import Testing
@testable import ReelCore

/// RSS and heap figures follow real allocations.
@Suite(.serialized) struct ProcessMemoryTests {
    @Test func residentSetGrowsWithTouchedMemoryAndShrinksWhenItIsFreed() {
        // Other suites' threads allocate and free meanwhile (a closed session trims the heap),
        // so 64 MiB must show as at least 48 either way.
        ProcessMemory.configureAllocator()
        let before = ProcessMemory.residentBytes()
        var block: [UInt8]? = [UInt8](repeating: 1, count: 64 << 20)
        let during = ProcessMemory.residentBytes()
        #expect(during - before >= 48 << 20)
        #expect(block?[12345] == 1)
        block = nil
        #expect(ProcessMemory.residentBytes() < during - (48 << 20), "a mapped block leaves RSS when freed")
    }

    /// Sanitizers replace glibc's allocator, and then mallinfo2 has nothing to report.
    @Test(.enabled(if: ProcessMemory.heapBytes() > 0))
    func heapInUseCountsLiveAllocations() {
        // The heap is the process's: other suites' threads allocate and free meanwhile (the audio
        // analyses free megabytes at a time), so 64 MiB must show as at least 48.
        let before = ProcessMemory.heapBytes()
        let block = [UInt8](repeating: 2, count: 64 << 20)
        #expect(ProcessMemory.heapBytes() - before >= 48 << 20)
        #expect(block.count == 64 << 20)
    }

    @Test func theDefaultBudgetIsAQuarterOfMemoryAtMostFourGigabytes() {
        let physical = ProcessMemory.physicalBytes()
        #expect(physical > 0)
        #expect(ProcessMemory.defaultCacheBudget() == min(physical / 4, 4 << 30))
    }
}
