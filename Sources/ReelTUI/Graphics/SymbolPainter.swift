import ReelCore

/// Draws a picture with quadrant, sextant or octant cells: each cell's sub-pixels are split into
/// two colours, and the cell gets the symbol whose pattern is that split.
///
/// The split is the one with the least error a two-colour cell can have, or close to it: the
/// best cut along the sub-pixels' principal axis, then up to two rounds of k-means (each
/// sub-pixel to the nearer of the two mean colours) while they lower the error. The picture comes decoded at
/// `CellSymbols.decodedPixels` (2×4 square pixels a cell); quadrants and sextants average those
/// down to their own grid. Stateless; safe from any thread.
enum SymbolPainter {
    /// Draws `image` centred in `rect` with `symbols` (not `.half`, which `ViewerPane` draws).
    static func draw(_ image: RGBImage, symbols: CellSymbols, in rect: Rect, into grid: inout CellGrid) {
        let decoded = symbols.decodedPixels
        let (columns, rows) = symbols.grid
        // Centred on whole cells, so each cell's sub-pixels come from one block of pixels.
        let left = max(0, (rect.width - (image.width + decoded.columns - 1) / decoded.columns) / 2)
        let top = max(0, (rect.height - (image.height + decoded.rows - 1) / decoded.rows) / 2)
        let cellsAcross = min(rect.width - left, (image.width + decoded.columns - 1) / decoded.columns)
        let cellsDown = min(rect.height - top, (image.height + decoded.rows - 1) / decoded.rows)
        guard cellsAcross > 0, cellsDown > 0 else { return }
        let count = columns * rows
        // Sub-pixel colours of one cell, r g b each.
        var sub = [Int32](repeating: 0, count: 8 * 3)
        image.pixels.withUnsafeBufferPointer { pixels in
            sub.withUnsafeMutableBufferPointer { sub in
                for cy in 0..<cellsDown {
                    for cx in 0..<cellsAcross {
                        gather(pixels, width: image.width, height: image.height, cellX: cx, cellY: cy, symbols: symbols, into: sub)
                        let cell = split(sub, count: count, symbols: symbols)
                        grid[rect.x + left + cx, rect.y + top + cy] = cell
                    }
                }
            }
        }
    }

    /// The cell's sub-pixels in its symbols' grid, row by row (edge pixels repeated past the picture).
    private static func gather(_ pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, cellX: Int, cellY: Int,
                               symbols: CellSymbols, into sub: UnsafeMutableBufferPointer<Int32>) {
        // The 2×4 block of the decoded picture under the cell.
        func pixel(_ sx: Int, _ sy: Int, _ channel: Int) -> Int32 {
            let x = min(width - 1, cellX * 2 + sx), y = min(height - 1, cellY * 4 + sy)
            return Int32(pixels[(y * width + x) * 3 + channel])
        }
        for sx in 0..<2 {
            for c in 0..<3 {
                let p0 = pixel(sx, 0, c), p1 = pixel(sx, 1, c), p2 = pixel(sx, 2, c), p3 = pixel(sx, 3, c)
                switch symbols {
                case .octant:
                    sub[(0 * 2 + sx) * 3 + c] = p0
                    sub[(1 * 2 + sx) * 3 + c] = p1
                    sub[(2 * 2 + sx) * 3 + c] = p2
                    sub[(3 * 2 + sx) * 3 + c] = p3
                case .sextant:
                    // Three rows over four: each takes a row and a third.
                    sub[(0 * 2 + sx) * 3 + c] = (3 * p0 + p1 + 2) / 4
                    sub[(1 * 2 + sx) * 3 + c] = (p1 + p2 + 1) / 2
                    sub[(2 * 2 + sx) * 3 + c] = (p2 + 3 * p3 + 2) / 4
                case .quad, .half:
                    sub[(0 * 2 + sx) * 3 + c] = (p0 + p1 + 1) / 2
                    sub[(1 * 2 + sx) * 3 + c] = (p2 + p3 + 1) / 2
                }
            }
        }
    }

    /// The two-colour cell closest to `count` sub-pixels.
    private static func split(_ sub: UnsafeMutableBufferPointer<Int32>, count: Int, symbols: CellSymbols) -> Cell {
        let full = (1 << count) - 1
        var mask = bestCut(sub, count: count)
        var fg = mean(sub, count: count, mask: mask, set: true)
        var bg = mean(sub, count: count, mask: mask, set: false)
        // One or two rounds of k-means: each sub-pixel to the nearer of the two means, kept
        // while it lowers the error.
        if mask != 0 && mask != full {
            var error = splitError(sub, count: count, mask: mask, fg, bg)
            for _ in 0..<2 {
                var next = 0
                for i in 0..<count {
                    let r = sub[i * 3], g = sub[i * 3 + 1], b = sub[i * 3 + 2]
                    let toF = (r - fg.0) * (r - fg.0) + (g - fg.1) * (g - fg.1) + (b - fg.2) * (b - fg.2)
                    let toB = (r - bg.0) * (r - bg.0) + (g - bg.1) * (g - bg.1) + (b - bg.2) * (b - bg.2)
                    if toF < toB { next |= 1 << i }
                }
                guard next != mask, next != 0, next != full else { break }
                let nextFG = mean(sub, count: count, mask: next, set: true)
                let nextBG = mean(sub, count: count, mask: next, set: false)
                let nextError = splitError(sub, count: count, mask: next, nextFG, nextBG)
                guard nextError < error else { break }
                (mask, fg, bg, error) = (next, nextFG, nextBG, nextError)
            }
        }
        if mask == 0 || mask == full {
            let all = mean(sub, count: count, mask: 0, set: false)
            return Cell(" ", background: .rgb(UInt8(all.0), UInt8(all.1), UInt8(all.2)))
        }
        // The brighter side is the symbol's ink, so one picture always gets the same cells.
        if 2 * fg.0 + 5 * fg.1 + fg.2 < 2 * bg.0 + 5 * bg.1 + bg.2 {
            mask = full & ~mask
            swap(&fg, &bg)
        }
        return Cell(symbols.character(mask), foreground: .rgb(UInt8(fg.0), UInt8(fg.1), UInt8(fg.2)),
                    background: .rgb(UInt8(bg.0), UInt8(bg.1), UInt8(bg.2)))
    }

    /// The split with the least error among the cuts along the sub-pixels' principal axis
    /// (the direction they vary most in, by a few power iterations over their covariance):
    /// sorted along it, every place between two of them is tried. The best two-colour split
    /// is such a cut, seen along the line through its two means; the principal axis is most
    /// often that line. 0 when the cell is one colour.
    private static func bestCut(_ sub: UnsafeMutableBufferPointer<Int32>, count: Int) -> Int {
        var mr: Int32 = 0, mg: Int32 = 0, mb: Int32 = 0
        for i in 0..<count { mr += sub[i * 3]; mg += sub[i * 3 + 1]; mb += sub[i * 3 + 2] }
        let n = Float(count)
        let cr = Float(mr) / n, cg = Float(mg) / n, cb = Float(mb) / n
        var rr: Float = 0, rg: Float = 0, rb: Float = 0, gg: Float = 0, gb: Float = 0, bb: Float = 0
        for i in 0..<count {
            let r = Float(sub[i * 3]) - cr, g = Float(sub[i * 3 + 1]) - cg, b = Float(sub[i * 3 + 2]) - cb
            rr += r * r; rg += r * g; rb += r * b; gg += g * g; gb += g * b; bb += b * b
        }
        // A cell within a few levels of one colour is drawn as that colour.
        guard rr + gg + bb > 4 * n else { return 0 }
        var v = (rr >= gg && rr >= bb) ? (Float(1), Float(0), Float(0)) : (gg >= bb ? (0, 1, 0) : (0, 0, 1))
        for _ in 0..<3 {
            let x = rr * v.0 + rg * v.1 + rb * v.2, y = rg * v.0 + gg * v.1 + gb * v.2, z = rb * v.0 + gb * v.1 + bb * v.2
            let length = max(1e-6, max(abs(x), abs(y), abs(z)))
            v = (x / length, y / length, z / length)
        }
        // Sub-pixels in order along the axis (insertion sort: at most eight).
        var order = (0, 1, 2, 3, 4, 5, 6, 7)
        var key: (Float, Float, Float, Float, Float, Float, Float, Float) = (0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &order) { orderBytes in
            withUnsafeMutableBytes(of: &key) { keyBytes in
                let order = orderBytes.bindMemory(to: Int.self), key = keyBytes.bindMemory(to: Float.self)
                for i in 0..<count {
                    key[i] = Float(sub[i * 3]) * v.0 + Float(sub[i * 3 + 1]) * v.1 + Float(sub[i * 3 + 2]) * v.2
                }
                for i in 1..<count {
                    let item = order[i]
                    var j = i
                    while j > 0 && key[order[j - 1]] > key[item] {
                        order[j] = order[j - 1]
                        j -= 1
                    }
                    order[j] = item
                }
                // Error of the first k against the rest, from running sums: Σx² − (Σx)²/k per group.
                var totalR: Int32 = 0, totalG: Int32 = 0, totalB: Int32 = 0, totalSquares: Int32 = 0
                for i in 0..<count {
                    let r = sub[i * 3], g = sub[i * 3 + 1], b = sub[i * 3 + 2]
                    totalR += r; totalG += g; totalB += b
                    totalSquares += r * r + g * g + b * b
                }
                var sumR: Int32 = 0, sumG: Int32 = 0, sumB: Int32 = 0, squares: Int32 = 0
                var best = Float.infinity, bestMask = 0, mask = 0
                for k in 1..<count {
                    let i = order[k - 1]
                    let r = sub[i * 3], g = sub[i * 3 + 1], b = sub[i * 3 + 2]
                    sumR += r; sumG += g; sumB += b
                    squares += r * r + g * g + b * b
                    mask |= 1 << i
                    let low = Float(squares) - (Float(sumR) * Float(sumR) + Float(sumG) * Float(sumG) + Float(sumB) * Float(sumB)) / Float(k)
                    let hr = totalR - sumR, hg = totalG - sumG, hb = totalB - sumB
                    let high = Float(totalSquares - squares) - (Float(hr) * Float(hr) + Float(hg) * Float(hg) + Float(hb) * Float(hb)) / Float(count - k)
                    if low + high < best {
                        best = low + high
                        bestMask = mask
                    }
                }
                return bestMask
            }
        }
    }

    /// Squared error of split `mask`, its sides drawn in `fg` and `bg`.
    private static func splitError(_ sub: UnsafeMutableBufferPointer<Int32>, count: Int, mask: Int,
                                   _ fg: (Int32, Int32, Int32), _ bg: (Int32, Int32, Int32)) -> Int32 {
        var error: Int32 = 0
        for i in 0..<count {
            let c = mask >> i & 1 == 1 ? fg : bg
            let r = sub[i * 3] - c.0, g = sub[i * 3 + 1] - c.1, b = sub[i * 3 + 2] - c.2
            error += r * r + g * g + b * b
        }
        return error
    }

    /// The mean colour of the sub-pixels whose bit in `mask` is `set`.
    private static func mean(_ sub: UnsafeMutableBufferPointer<Int32>, count: Int, mask: Int, set: Bool) -> (Int32, Int32, Int32) {
        var r: Int32 = 0, g: Int32 = 0, b: Int32 = 0, n: Int32 = 0
        for i in 0..<count where (mask >> i & 1 == 1) == set {
            r += sub[i * 3]; g += sub[i * 3 + 1]; b += sub[i * 3 + 2]
            n += 1
        }
        guard n > 0 else { return (0, 0, 0) }
        return ((r + n / 2) / n, (g + n / 2) / n, (b + n / 2) / n)
    }
}
