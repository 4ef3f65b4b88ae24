import Testing
@testable import ReelTUI

@Suite struct ColorModeTests {
    @Test func detectsFromTerminfo() {
        #expect(ColorMode.detect(hasDirectColor: true, colors: 1 << 24) == .direct)
        #expect(ColorMode.detect(hasDirectColor: false, colors: 256) == .palette256)
        #expect(ColorMode.detect(hasDirectColor: true, colors: 256) == .palette256)
        #expect(ColorMode.detect(hasDirectColor: false, colors: 16) == .palette16)
        #expect(ColorMode.detect(hasDirectColor: false, colors: 8) == .palette8)
        #expect(ColorMode.detect(hasDirectColor: false, colors: 0) == .monochrome)
    }

    @Test func directColourIsTheRGBValue() {
        #expect(ColorMode.direct.colorNumber(.rgb(0x12, 0x34, 0x56)) == 0x123456)
        #expect(ColorMode.direct.colorNumber(.terminalDefault) == -1)
        // Below 8 terminfo would pick palette colours: near-black blues go to 8.
        #expect(ColorMode.direct.colorNumber(.rgb(0, 0, 0)) == 8)
        #expect(ColorMode.direct.colorNumber(.rgb(0, 0, 5)) == 8)
        #expect(ColorMode.direct.colorNumber(.rgb(0, 0, 9)) == 9)
    }

    @Test func the256CubeIsExactOnItsOwnColours() {
        for (ri, r) in ColorMode.cubeLevels.enumerated() {
            for (gi, g) in ColorMode.cubeLevels.enumerated() {
                for (bi, b) in ColorMode.cubeLevels.enumerated() where !(r == g && g == b) {
                    #expect(ColorMode.nearest256(UInt8(r), UInt8(g), UInt8(b)) == 16 + 36 * ri + 6 * gi + bi)
                }
            }
        }
        // Greys between cube levels go to the grey ramp.
        #expect(ColorMode.nearest256(128, 128, 128) == 244)  // ramp 232 + 12 → 8 + 10·12 = 128
        #expect(ColorMode.nearest256(0, 0, 0) == 16)
        #expect(ColorMode.palette256.colorNumber(.rgb(255, 0, 0)) == 196)
    }

    @Test func sixteenColoursPickTheNearest() {
        #expect(ColorMode.palette16.colorNumber(.rgb(250, 5, 5)) == 9)
        #expect(ColorMode.palette16.colorNumber(.rgb(0, 0, 0)) == 0)
        #expect(ColorMode.palette8.colorNumber(.rgb(250, 250, 250)) == 7)
    }
}

@Suite struct ColorPairTableTests {
    final class Recorder {
        var defined: [Int32: (Int32, Int32)] = [:]
        var definitions = 0
    }

    @Test func samePairForSameColoursAndDefaultIsZero() {
        let recorder = Recorder()
        let table = ColorPairTable(capacity: 10) { pair, fg, bg in
            recorder.defined[pair] = (fg, bg)
            recorder.definitions += 1
        }
        table.beginFrame()
        let a = table.pair(foreground: 196, background: 16)
        #expect(a == 1)
        #expect(table.pair(foreground: 196, background: 16) == a)
        #expect(table.pair(foreground: -1, background: -1) == 0)
        #expect(table.pair(foreground: -1, background: 16) == 2)
        #expect(recorder.definitions == 2)
    }

    /// Hours of noisy footage in miniature: far more colour combinations than pairs. The table
    /// never grows past its capacity, and never redefines a pair the current frame uses.
    @Test func staysBoundedAndNeverRedefinesAPairOnScreen() {
        let recorder = Recorder()
        var onScreen = Set<Int32>()
        var redefinedOnScreen = 0
        let table = ColorPairTable(capacity: 64) { pair, fg, bg in
            if onScreen.contains(pair) { redefinedOnScreen += 1 }
            recorder.defined[pair] = (fg, bg)
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            table.beginFrame()
            onScreen = []
            for _ in 0..<40 {
                let fg = Int32.random(in: 0..<256, using: &generator)
                let bg = Int32.random(in: 0..<256, using: &generator)
                let pair = table.pair(foreground: fg, background: bg)
                #expect(pair > 0 && pair <= 64)
                #expect(recorder.defined[pair]! == (fg, bg), "the pair shows the colours asked for")
                onScreen.insert(pair)
            }
            #expect(table.count <= 64)
        }
        #expect(redefinedOnScreen == 0)
    }

    @Test func whenEveryPairIsOnScreenItFallsBackToDefault() {
        let table = ColorPairTable(capacity: 2) { _, _, _ in }
        table.beginFrame()
        #expect(table.pair(foreground: 1, background: 2) == 1)
        #expect(table.pair(foreground: 3, background: 4) == 2)
        #expect(table.pair(foreground: 5, background: 6) == 0)
        table.beginFrame()
        table.touch(2)
        #expect(table.pair(foreground: 5, background: 6) == 1, "pair 1 is no longer on screen")
        #expect(ColorPairTable(capacity: 0) { _, _, _ in }.pair(foreground: 1, background: 1) == 0)
    }
}
