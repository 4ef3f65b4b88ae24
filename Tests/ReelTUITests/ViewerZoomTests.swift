import ReelCore
import Testing
@testable import ReelTUI

/// Zoom and pan of the viewer's picture: what is decoded, what part is shown, and where.
@Suite struct ViewerZoomTests {
    static let source = FrameSize(width: 1920, height: 1080)
    static let box = FrameSize(width: 800, height: 450)

    /// A frame whose pixel (x, y) holds x and y (low bytes) and x / 256 in blue.
    static func coordinates(width: Int, height: Int) -> RGBImage {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 3
                pixels[i] = UInt8(x & 255)
                pixels[i + 1] = UInt8(y & 255)
                pixels[i + 2] = UInt8(x >> 8)
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }

    @Test func fitDecodesAtTheViewsSize() {
        let zoom = ViewerZoom()
        #expect(zoom.scale == nil && zoom.label == nil)
        #expect(zoom.decodeSize(source: Self.source, box: Self.box) == Self.box)
    }

    @Test func oneToOneShowsSourcePixelsAroundTheCentre() {
        var zoom = ViewerZoom()
        zoom.set(scale: 1, source: Self.source, box: Self.box)
        #expect(zoom.label == "1:1")
        #expect(zoom.decodeSize(source: Self.source, box: Self.box) == Self.source, "the whole frame, cut down on screen")
        let shown = zoom.picture(of: Self.coordinates(width: 1920, height: 1080), source: Self.source, box: Self.box)
        #expect(shown.width == 800 && shown.height == 450)
        // The top-left pixel shown is the frame's (960 - 400, 540 - 225).
        let p = shown.pixel(x: 0, y: 0)
        #expect(Int(p.b) << 8 | Int(p.r) == 560 && p.g == UInt8((540 - 225) & 255))
        // One source pixel a screen pixel: neighbours differ by one.
        let q = shown.pixel(x: 1, y: 0)
        #expect(Int(q.b) << 8 | Int(q.r) == 561)
    }

    @Test func twoTimesRepeatsEachPixelTwice() {
        var zoom = ViewerZoom()
        zoom.set(scale: 2, source: Self.source, box: Self.box)
        #expect(zoom.label == "2\u{00D7}")
        let shown = zoom.picture(of: Self.coordinates(width: 1920, height: 1080), source: Self.source, box: Self.box)
        #expect(shown.width == 800 && shown.height == 450)
        let columns = (0..<6).map { x -> Int in let p = shown.pixel(x: x, y: 0); return Int(p.b) << 8 | Int(p.r) }
        #expect(columns[0] == columns[1] && columns[2] == columns[3] && columns[1] + 1 == columns[2])
        #expect(columns[0] == 960 - 200)
    }

    @Test func theWheelKeepsThePointUnderThePointer() {
        var zoom = ViewerZoom()
        zoom.set(scale: 1, source: Self.source, box: Self.box)
        let before = zoom.picture(of: Self.coordinates(width: 1920, height: 1080), source: Self.source, box: Self.box).pixel(x: 100, y: 80)
        zoom.zoom(by: 2, at: (100.5, 80.5), source: Self.source, box: Self.box)
        #expect(zoom.scale == 2)
        let after = zoom.picture(of: Self.coordinates(width: 1920, height: 1080), source: Self.source, box: Self.box).pixel(x: 100, y: 80)
        #expect(abs(Int(after.b) << 8 | Int(after.r) - (Int(before.b) << 8 | Int(before.r))) <= 1)
        #expect(abs(Int(after.g) - Int(before.g)) <= 1)
    }

    @Test func panningStopsAtTheFramesEdges() {
        var zoom = ViewerZoom()
        zoom.set(scale: 4, source: Self.source, box: Self.box)
        for _ in 0..<100 { zoom.pan(dx: -80, dy: -45, source: Self.source, box: Self.box) }
        let shown = zoom.picture(of: Self.coordinates(width: 1920, height: 1080), source: Self.source, box: Self.box)
        let p = shown.pixel(x: 0, y: 0)
        #expect(p.r == 0 && p.g == 0 && p.b == 0, "the frame's top-left corner")
        for _ in 0..<100 { zoom.pan(dx: 80, dy: 45, source: Self.source, box: Self.box) }
        let q = zoom.picture(of: Self.coordinates(width: 1920, height: 1080), source: Self.source, box: Self.box).pixel(x: 799, y: 449)
        #expect(Int(q.b) << 8 | Int(q.r) == 1919 && q.g == UInt8(1079 & 255), "its bottom-right")
    }

    @Test func zoomingOutPastTheFitFitsAgain() {
        var zoom = ViewerZoom()
        zoom.set(scale: 1, source: Self.source, box: Self.box)
        for _ in 0..<10 { zoom.zoom(by: 1 / 2.0.squareRoot(), at: nil, source: Self.source, box: Self.box) }
        #expect(zoom == ViewerZoom())
        // A small frame's 1:1 is smaller than the view and shown whole.
        var small = ViewerZoom()
        let tiny = FrameSize(width: 320, height: 180)
        small.set(scale: 1, source: tiny, box: Self.box)
        #expect(small.scale == nil, "320×180 at 1:1 is less than its fit in 800×450")
        small.set(scale: 4, source: tiny, box: Self.box)
        #expect(small.decodeSize(source: tiny, box: Self.box) == tiny)
        let shown = small.picture(of: Self.coordinates(width: 320, height: 180), source: tiny, box: Self.box)
        #expect(shown.width == 800 && shown.height == 450)
    }
}
