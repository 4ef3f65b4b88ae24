/// One STFT frame's power spectrum: window, FFT (FFTW r2c, through the shared plan of its size)
/// and |X|² per bin, into buffers it owns and reuses.
///
/// Not thread-safe: one analysis thread uses it. Holds one user of its size's plan from init to
/// `release()` (or deinit); its window and work arrays are counted in `AudioMemory`.
final class PowerSpectrum {
    let size: Int
    var bins: Int { size / 2 + 1 }
    /// Scales power so a full-scale sine's bin reads 1 (0 dBFS) whatever the window.
    let fullScale: Float
    private let window: AudioBuffer<Float>
    private let input: AudioBuffer<Float>
    private let output: AudioBuffer<Float>
    /// |X|² of the last frame, `bins` values.
    let power: AudioBuffer<Float>
    private var plan: FFTPlan?

    init(size: Int, window kind: WindowFunction) {
        self.size = size
        window = kind.coefficients(size: size)
        input = AudioBuffer(capacity: size, repeating: 0)
        output = AudioBuffer(capacity: 2 * (size / 2 + 1), repeating: 0)
        power = AudioBuffer(capacity: size / 2 + 1, repeating: 0)
        var sum: Float = 0
        for index in 0..<size { sum += window[index] }
        fullScale = 4 / (sum * sum)
        plan = FFTPlanCache.acquire(size: size)
    }

    deinit { release() }

    /// Gives its plan back to the cache (the last user destroys it); the buffers go with the object.
    func release() {
        guard plan != nil else { return }
        plan = nil
        FFTPlanCache.release(size: size)
    }

    /// Computes the power of `size` samples from `samples` (consecutive floats) into `power`.
    func compute(_ samples: UnsafePointer<Float>) {
        guard let plan else { preconditionFailure("PowerSpectrum used after release") }
        let rawIn = UnsafeRawPointer(samples)
        let rawWindow = UnsafeRawPointer(window.pointer)
        let rawWork = UnsafeMutableRawPointer(input.pointer)
        var index = 0
        while index + 8 <= size {
            let value = rawIn.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self)
                * rawWindow.load(fromByteOffset: index * 4, as: SIMD8<Float>.self)
            rawWork.storeBytes(of: value, toByteOffset: index * 4, as: SIMD8<Float>.self)
            index += 8
        }
        plan.execute(input: input.pointer, output: output.pointer)
        // Eight complex values (re, im interleaved) at a time, then the odd last bin.
        let rawOut = UnsafeRawPointer(output.pointer)
        let rawPower = UnsafeMutableRawPointer(power.pointer)
        var bin = 0
        while bin + 8 <= bins {
            let low = rawOut.load(fromByteOffset: bin * 8, as: SIMD8<Float>.self)
            let high = rawOut.load(fromByteOffset: bin * 8 + 32, as: SIMD8<Float>.self)
            let lowSquared = low * low, highSquared = high * high
            let sums = SIMD8<Float>(
                lowSquared[0] + lowSquared[1], lowSquared[2] + lowSquared[3],
                lowSquared[4] + lowSquared[5], lowSquared[6] + lowSquared[7],
                highSquared[0] + highSquared[1], highSquared[2] + highSquared[3],
                highSquared[4] + highSquared[5], highSquared[6] + highSquared[7])
            rawPower.storeBytes(of: sums, toByteOffset: bin * 4, as: SIMD8<Float>.self)
            bin += 8
        }
        while bin < bins {
            power[bin] = output[2 * bin] * output[2 * bin] + output[2 * bin + 1] * output[2 * bin + 1]
            bin += 1
        }
    }

    /// Bytes of its window and work arrays.
    var byteCount: Int { window.byteCount + input.byteCount + output.byteCount + power.byteCount }
}
