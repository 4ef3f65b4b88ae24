import Foundation
import Testing
@testable import ReelCore

/// Every test that allocates audio buffers or opens a movie decoder runs under this one
/// serialized suite, because `AudioMemory` and `DecoderMemory` are process-wide counts and the
/// tests check they return to where they were.
@Suite(.serialized) struct AudioTests {}

/// Signals written as 16-bit WAV files for the analysis tests.
enum AudioFixture {
    /// A sine of `hertz` at `amplitude`, `seconds` long, on every channel.
    static func sine(hertz: Double, seconds: Double, rate: Int, channels: Int = 1, amplitude: Float = 0.5) -> [Float] {
        let frames = Int(seconds * Double(rate))
        var samples = [Float](repeating: 0, count: frames * channels)
        for frame in 0..<frames {
            let value = amplitude * Float(sin(2 * Double.pi * hertz * Double(frame) / Double(rate)))
            for channel in 0..<channels { samples[frame * channels + channel] = value }
        }
        return samples
    }

    /// A linear chirp from `from` to `to` hertz over `seconds`, mono.
    static func chirp(from: Double, to: Double, seconds: Double, rate: Int) -> [Float] {
        let frames = Int(seconds * Double(rate))
        return (0..<frames).map { frame in
            let t = Double(frame) / Double(rate)
            let phase = 2 * Double.pi * (from * t + (to - from) * t * t / (2 * seconds))
            return 0.5 * Float(sin(phase))
        }
    }

    static func write(_ samples: [Float], rate: Int, channels: Int = 1, to path: String) throws {
        try SoundFile.writeWAV(path: path, sampleRate: rate, channels: channels, samples: samples)
    }
}
