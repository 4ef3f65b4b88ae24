import Testing
@testable import ReelCore

@Suite struct AreaScalerTests {
    @Test func fitKeepsTheAspectRatio() {
        #expect(AreaScaler.fit(width: 1920, height: 1080, maxWidth: 120, maxHeight: 76) == (120, 68))
        #expect(AreaScaler.fit(width: 1080, height: 1920, maxWidth: 120, maxHeight: 76) == (43, 76))
        #expect(AreaScaler.fit(width: 1, height: 1, maxWidth: 20, maxHeight: 8) == (8, 8))
        #expect(AreaScaler.fit(width: 10000, height: 1, maxWidth: 20, maxHeight: 8) == (20, 1))
        #expect(AreaScaler.fit(width: 640, height: 360, maxWidth: 0, maxHeight: 8) == (0, 0))
    }

    @Test func tapsCoverEachOutputPixelExactlyOnce() {
        for (source, target) in [(1920, 120), (7, 3), (3, 7), (1, 5), (100, 100), (1081, 76)] {
            let spans = AreaScaler.spans(source: source, target: target)
            #expect(spans.count == target)
            for taps in spans {
                #expect(abs(taps.reduce(0) { $0 + $1.weight } - 1) < 1e-4)
            }
            // Every source pixel is used, with total weight source/target over all outputs.
            var used = [Float](repeating: 0, count: source)
            for taps in spans { for tap in taps { used[tap.index] += tap.weight } }
            #expect(used.allSatisfy { abs($0 - Float(target) / Float(source)) < 1e-3 })
        }
    }

    @Test func averagesTheAreaEachPixelCovers() {
        // A 4 × 2 image: left half black, right half white, opaque → 2 × 1: black, white.
        let image = rgba(width: 4, height: 2) { x, _ in x < 2 ? (0, 0, 0, 255) : (255, 255, 255, 255) }
        let half = AreaScaler.scale(image, width: 2, height: 1)
        #expect(half.pixels == [0, 0, 0, 255, 255, 255])
        // To 1 × 1: the mean grey.
        let one = AreaScaler.scale(image, width: 1, height: 1)
        #expect(one.pixels == [128, 128, 128])
        // A fine checker averages to grey, where nearest-neighbour would give black or white.
        let checker = rgba(width: 8, height: 8) { x, y in (x + y) % 2 == 0 ? (0, 0, 0, 255) : (200, 100, 50, 255) }
        let scaled = AreaScaler.scale(checker, width: 2, height: 2)
        #expect(scaled.pixels == Array([[UInt8]](repeating: [100, 50, 25], count: 4).joined()))
    }

    @Test func uniformColourSurvivesAnyScale() {
        let image = rgba(width: 37, height: 23) { _, _ in (12, 200, 99, 255) }
        for (w, h) in [(5, 3), (37, 23), (100, 61), (1, 1)] {
            let scaled = AreaScaler.scale(image, width: w, height: h)
            #expect(scaled.width == w && scaled.height == h)
            for i in stride(from: 0, to: scaled.pixels.count, by: 3) {
                #expect(Array(scaled.pixels[i..<i + 3]) == [12, 200, 99])
            }
        }
    }

    @Test func alphaIsCompositedOverTheBackground() {
        // Half transparent red over blue; fully transparent pixels take the background.
        let image = rgba(width: 2, height: 1) { x, _ in x == 0 ? (255, 0, 0, 128) : (0, 255, 0, 0) }
        let out = AreaScaler.scale(image, width: 2, height: 1, background: (0, 0, 200))
        #expect(out.pixels[0] == 128 && out.pixels[1] == 0 && abs(Int(out.pixels[2]) - 100) <= 1)
        #expect(Array(out.pixels[3..<6]) == [0, 0, 200])
        // Averaged with a transparent neighbour, an opaque pixel's colour does not darken.
        let edge = rgba(width: 2, height: 1) { x, _ in x == 0 ? (255, 255, 255, 255) : (0, 0, 0, 0) }
        let merged = AreaScaler.scale(edge, width: 1, height: 1, background: (255, 255, 255))
        #expect(merged.pixels == [255, 255, 255])
    }
}

func rgba(width: Int, height: Int, _ colour: (Int, Int) -> (UInt8, UInt8, UInt8, UInt8)) -> RGBAImage {
    var pixels: [UInt8] = []
    for y in 0..<height {
        for x in 0..<width {
            let c = colour(x, y)
            pixels += [c.0, c.1, c.2, c.3]
        }
    }
    return RGBAImage(width: width, height: height, pixels: pixels)
}
