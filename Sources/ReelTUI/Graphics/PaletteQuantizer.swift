import ReelCore

/// Chooses a palette for one picture by median cut, and maps each pixel to it: what sixel
/// needs, since a terminal has a few hundred colour registers at most.
///
/// Colours are first counted in a histogram of 5 bits a channel (32,768 bins, with each bin's
/// exact sums, so a colour is the mean of the pixels it stands for, not a bin's centre). The box
/// of bins with the most error (pixels × longest side) is cut at its median along that side
/// until there are `colours` boxes. A fixed cube cannot follow a picture that is mostly one hue
/// (a grade, a sky): median cut spends its registers where the pixels are.
///
/// Not thread-safe: its buffers are reused from picture to picture by one owner.
final class PaletteQuantizer {
    /// The palette of the last `quantize`, as 8-bit RGB triples.
    private(set) var palette: [(r: UInt8, g: UInt8, b: UInt8)] = []
    /// The palette index of each pixel of the last `quantize`, row by row.
    private(set) var indices: [UInt8] = []

    private var counts = [UInt32](repeating: 0, count: 1 << 15)
    private var sums = [UInt32](repeating: 0, count: 3 << 15)
    private var binToIndex = [UInt8](repeating: 0, count: 1 << 15)
    private var bins: [UInt16] = []

    private struct Box {
        var range: Range<Int>
        var pixels: Int
        var axis = 0
        var score = 0
    }

    /// Chooses at most `colours` (2…256) colours for `image` and maps its pixels to them.
    func quantize(_ image: RGBImage, colours: Int) {
        let colours = min(256, max(2, colours))
        let pixelCount = image.width * image.height
        bins.removeAll(keepingCapacity: true)
        counts.withUnsafeMutableBufferPointer { counts in
            sums.withUnsafeMutableBufferPointer { sums in
                image.pixels.withUnsafeBufferPointer { p in
                    for i in 0..<pixelCount {
                        let r = p[i * 3], g = p[i * 3 + 1], b = p[i * 3 + 2]
                        let bin = Int(r >> 3) << 10 | Int(g >> 3) << 5 | Int(b >> 3)
                        if counts[bin] == 0 { bins.append(UInt16(bin)) }
                        counts[bin] &+= 1
                        sums[bin * 3] &+= UInt32(r)
                        sums[bin * 3 + 1] &+= UInt32(g)
                        sums[bin * 3 + 2] &+= UInt32(b)
                    }
                }
            }
        }
        var boxes = [measure(Box(range: 0..<bins.count, pixels: pixelCount))]
        while boxes.count < colours, let worst = boxes.indices.max(by: { boxes[$0].score < boxes[$1].score }),
              boxes[worst].score > 0 {
            let (low, high) = split(boxes[worst])
            boxes[worst] = measure(low)
            boxes.append(measure(high))
        }
        palette.removeAll(keepingCapacity: true)
        for (index, box) in boxes.enumerated() {
            var r = 0, g = 0, b = 0, n = 0
            for i in box.range {
                let bin = Int(bins[i])
                r += Int(sums[bin * 3]); g += Int(sums[bin * 3 + 1]); b += Int(sums[bin * 3 + 2])
                n += Int(counts[bin])
                binToIndex[bin] = UInt8(index)
            }
            let half = max(1, n) / 2
            palette.append((UInt8((r + half) / max(1, n)), UInt8((g + half) / max(1, n)), UInt8((b + half) / max(1, n))))
        }
        if indices.count != pixelCount { indices = [UInt8](repeating: 0, count: pixelCount) }
        binToIndex.withUnsafeBufferPointer { map in
            indices.withUnsafeMutableBufferPointer { out in
                image.pixels.withUnsafeBufferPointer { p in
                    for i in 0..<pixelCount {
                        out[i] = map[Int(p[i * 3] >> 3) << 10 | Int(p[i * 3 + 1] >> 3) << 5 | Int(p[i * 3 + 2] >> 3)]
                    }
                }
            }
        }
        // The histogram is cleared bin by bin: far fewer bins are used than exist.
        for bin in bins {
            counts[Int(bin)] = 0
            sums[Int(bin) * 3] = 0; sums[Int(bin) * 3 + 1] = 0; sums[Int(bin) * 3 + 2] = 0
        }
    }

    /// The box's longest side (in 5-bit steps) and its score; a box of one bin cannot be cut.
    private func measure(_ box: Box) -> Box {
        var box = box
        guard box.range.count > 1 else {
            box.score = 0
            return box
        }
        var low = (31, 31, 31), high = (0, 0, 0)
        for i in box.range {
            let bin = Int(bins[i])
            let r = bin >> 10, g = bin >> 5 & 31, b = bin & 31
            low = (min(low.0, r), min(low.1, g), min(low.2, b))
            high = (max(high.0, r), max(high.1, g), max(high.2, b))
        }
        let sides = [high.0 - low.0, high.1 - low.1, high.2 - low.2]
        box.axis = sides.indices.max { sides[$0] < sides[$1] }!
        // Green weighs most, blue least, as the eye does.
        let weight = [3, 4, 2][box.axis]
        box.score = sides[box.axis] * weight * box.pixels
        return box
    }

    /// Cuts `box` at the median pixel along its axis.
    private func split(_ box: Box) -> (Box, Box) {
        let shift = [10, 5, 0][box.axis]
        bins[box.range].sort { ($0 >> shift) & 31 < ($1 >> shift) & 31 }
        var seen = 0
        var cut = box.range.lowerBound + 1
        for i in box.range {
            seen += Int(counts[Int(bins[i])])
            if seen * 2 >= box.pixels {
                cut = i + 1
                break
            }
        }
        // Both halves keep at least one bin.
        cut = min(max(cut, box.range.lowerBound + 1), box.range.upperBound - 1)
        let lowPixels = bins[box.range.lowerBound..<cut].reduce(0) { $0 + Int(counts[Int($1)]) }
        return (Box(range: box.range.lowerBound..<cut, pixels: lowPixels),
                Box(range: cut..<box.range.upperBound, pixels: box.pixels - lowPixels))
    }
}
