import CFFTW

/// FFTW's real-to-complex plans, one per FFT size, made on first use and destroyed when the last
/// user gives its size back (`fftwf_plan_dft_r2c_1d`, `fftwf_destroy_plan`).
///
/// Thread-safe. FFTW's planner is not, so every plan is made and destroyed under one lock here,
/// the only place Reel calls the planner. Executing a plan (`FFTPlan.execute`) needs no lock:
/// FFTW's new-array execute is safe from many threads on their own arrays.
public enum FFTPlanCache {
    private struct Entry {
        var plan: FFTPlan
        var users: Int
    }

    private static let plans = Locked<[Int: Entry]>([:])

    /// The plan for `size`, counted as one more user until `release(size)`.
    static func acquire(size: Int) -> FFTPlan {
        plans.withLock { plans in
            if var entry = plans[size] {
                entry.users += 1
                plans[size] = entry
                return entry.plan
            }
            let plan = FFTPlan(size: size)
            plans[size] = Entry(plan: plan, users: 1)
            return plan
        }
    }

    /// One user of `size` is done; the last one destroys the plan.
    static func release(size: Int) {
        plans.withLock { plans in
            guard var entry = plans[size] else { return }
            entry.users -= 1
            if entry.users > 0 {
                plans[size] = entry
            } else {
                plans[size] = nil
                entry.plan.destroy()
            }
        }
    }

    /// FFT sizes with a live plan now (for tests and the gauge).
    public static var liveSizes: [Int] { plans.withLock { $0.keys.sorted() } }
}

/// One FFTW r2c plan of `size` real inputs and `size / 2 + 1` complex outputs, planned with
/// FFTW_MEASURE on 64-byte-aligned scratch arrays, so any `AudioBuffer` can be run through it.
///
/// Made and destroyed only by `FFTPlanCache` (under its lock); `execute` is thread-safe.
final class FFTPlan: @unchecked Sendable {
    let size: Int
    private var plan: fftwf_plan?

    fileprivate init(size: Int) {
        self.size = size
        let input = AudioBuffer<Float>(capacity: size, repeating: 0)
        let output = AudioBuffer<Float>(capacity: 2 * (size / 2 + 1), repeating: 0)
        plan = output.pointer.withMemoryRebound(to: fftwf_complex.self, capacity: size / 2 + 1) {
            fftwf_plan_dft_r2c_1d(Int32(size), input.pointer, $0, UInt32(FFTW_MEASURE))
        }
        precondition(plan != nil, "FFTW could not plan an FFT of \(size)")
    }

    fileprivate func destroy() {
        if let plan { fftwf_destroy_plan(plan) }
        plan = nil
    }

    /// Transforms `input` (`size` floats) into `output` (`size / 2 + 1` complex values, interleaved
    /// re, im), both 64-byte aligned (`fftwf_execute_dft_r2c`).
    func execute(input: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>) {
        guard let plan else { preconditionFailure("FFT plan of \(size) used after release") }
        output.withMemoryRebound(to: fftwf_complex.self, capacity: size / 2 + 1) {
            fftwf_execute_dft_r2c(plan, input, $0)
        }
    }
}
