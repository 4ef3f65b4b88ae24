import Testing
@testable import ReelCore

/// RSS and heap figures follow real allocations.
@Suite(.serialized) struct ProcessMemoryTests {
    @Test func residentSetGrowsWithTouchedMemoryAndShrinksWhenItIsFreed() {
        // Other suites' threads allocate and free meanwhile (a closed session trims the heap, an
        // EXR test frees 50 MB at once), so one try can see another's release land inside it:
        // 64 MiB must show as at least 48, growing and shrinking, in one of five tries.
        ProcessMemory.configureAllocator()
        var seen: [(grew: Int, shrank: Int)] = []
        for _ in 0..<5 {
            let before = ProcessMemory.residentBytes()
            var block: [UInt8]? = [UInt8](repeating: 1, count: 64 << 20)
            let during = ProcessMemory.residentBytes()
            #expect(block?[12345] == 1)
            block = nil
            let after = ProcessMemory.residentBytes()
            seen.append((during - before, during - after))
            if during - before >= 48 << 20 && during - after >= 48 << 20 { break }
        }
        #expect(seen.contains { $0.grew >= 48 << 20 && $0.shrank >= 48 << 20 }, "a mapped block shows in RSS and leaves it: \(seen)")
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
