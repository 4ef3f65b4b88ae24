import Foundation
import ReelCore
import Testing
@testable import ReelTUI

@Suite struct PlayerKeysTests {
    @Test(arguments: [
        (Key.character(" "), AppAction.command(.togglePlay)),
        (.left, .command(.step(-1))), (.right, .command(.step(1))),
        (.shiftLeft, .command(.step(-10))), (.shiftRight, .command(.step(10))),
        (.home, .command(.first)), (.end, .command(.last)),
        (.character("["), .command(.slower)), (.character("]"), .command(.faster)),
        (.character("j"), .command(.shuttleReverse)), (.character("K"), .command(.stop)),
        (.character("l"), .command(.shuttleForward)),
        (.character("b"), .command(.setWorkAreaBegin)), (.character("N"), .command(.setWorkAreaEnd)),
        (.backspace, .command(.clearWorkArea)), (.character("\\"), .command(.clearWorkArea)),
        (.character("\u{02}"), .command(.clearWorkArea)),
        (.character("P"), .command(.cycleMode)), (.character("X"), .command(.clearCache)),
        (.tab, .nextFile), (.backTab, .previousFile),
        (.character("S"), .cycleScale), (.character("f"), .cycleFFTSize), (.character("C"), .cycleColorMap),
        (.character("m"), .command(.toggleMute)), (.character("9"), .command(.changeVolume(-0.1))),
        (.character("0"), .command(.changeVolume(0.1))),
        (.character("G"), .toggleGaugeDetail), (.character("?"), .toggleHelp), (.character("z"), .toggleZoom),
        (.character("q"), .quit), (.character("Q"), .quit), (.other(999), .nothing),
    ])
    func keysMapToActions(_ key: Key, _ action: AppAction) {
        #expect(KeyMap.action(for: key) == action)
    }

    @Test func noKeyHasTwoMeanings() {
        let keys = KeyMap.bindings.flatMap(\.keys)
        #expect(Set(keys.map { "\($0)" }).count == keys.count)
    }

    /// The help as the player draws it: over the whole screen of `width` × `height`.
    static func help(width: Int, height: Int) -> String {
        var grid = CellGrid(width: width, height: height)
        HelpPane.draw(KeyMap.helpEntries, in: Rect(x: 0, y: 0, width: width, height: height), into: &grid)
        return grid.text
    }

    @Test(arguments: [(160, 40), (120, 35), (110, 24)])
    func theHelpNamesEveryBindingAndTheMouse(width: Int, height: Int) {
        let text = Self.help(width: width, height: height)
        // A binding without a label shares the line above it (the zoom's 1, 2 and 4 share W's).
        for binding in KeyMap.bindings where !binding.label.isEmpty {
            #expect(text.contains(binding.label), "\(binding.label)")
            #expect(text.contains(binding.meaning), "\(binding.meaning)")
        }
        #expect(text.contains("click or drag the timeline"))
        #expect(!text.contains("more: enlarge"))
    }

    @Test func aHelpTooBigForTheScreenSaysHowMuchIsLeftOut() {
        let text = Self.help(width: 80, height: 24)
        // An entry is listed when a line has its key, then spaces, then its meaning.
        let lines = text.split(separator: "\n").map(String.init)
        let listed = KeyMap.helpEntries.filter { entry in
            lines.contains { line in
                guard let meaning = line.range(of: entry.meaning) else { return false }
                let before = line[..<meaning.lowerBound]
                return before.hasSuffix(" ") && before.trimmingCharacters(in: .whitespaces).hasSuffix(entry.key)
            }
        }.count
        #expect(listed > 10 && listed < KeyMap.helpEntries.count)
        #expect(text.contains("\(KeyMap.helpEntries.count - listed) more: enlarge the terminal"))
    }

    @Test func codesFromCursesBecomeKeys() {
        #expect(Key(curses: 127) == .backspace)
        #expect(Key(curses: 8) == .backspace)
        #expect(Key(curses: 9) == .tab)
        #expect(Key(curses: 27) == .escape)
        #expect(Key(curses: 2) == .character("\u{02}"))
    }

    /// What follows an ESC, read from `text` as ncurses would hand it over: the key, and what
    /// is left unread.
    static func afterEscape(_ text: String) -> (key: Key, rest: String) {
        var codes = text.unicodeScalars.map { Int32($0.value) }
        var index = 0
        let key = Key.afterEscape(next: {
            guard index < codes.count else { return -1 }  // ncurses' ERR: nothing more came
            defer { index += 1 }
            return codes[index]
        }, unget: { code in
            index -= 1
            codes[index] = code
        })
        return (key, String(String.UnicodeScalarView(codes[index...].compactMap { Unicode.Scalar(UInt32($0)) })))
    }

    /// Replies that arrive after the start-up burst (the recorded kitty ones) are dropped whole:
    /// none of their bytes becomes a key.
    @Test func lateTerminalRepliesAreNoKeys() {
        for reply in ["_Gi=31;OK\u{1B}\\", "P>|kitty(0.26.5)\u{1B}\\", "[6;18;9t", "[?2026;2$y", "[?62;c", "]11;rgb:0000/0000/0000\u{07}"] {
            let read = Self.afterEscape(reply + "q")
            #expect(read.key == .other(27), "\(reply)")
            #expect(read.rest == "q", "\(reply): only the key after it is left")
        }
        #expect(Self.afterEscape("[<0;10;5M").key == .mouse(MouseEvent(kind: .press, button: 0, x: 9, y: 4)))
        let alone = Self.afterEscape("x")
        #expect(alone.key == .escape && alone.rest == "x", "Escape, then a key")
        #expect(Self.afterEscape("").key == .escape)
    }

    @Test func focusComingBackIsAKeyAndGoingIsNone() {
        let back = Self.afterEscape("[Iq")
        #expect(back.key == .focusIn && back.rest == "q")
        let away = Self.afterEscape("[Oq")
        #expect(away.key == .other(27) && away.rest == "q")
    }

    @Test func sgrMouseReportsAreRead() {
        #expect(MouseEvent(sgr: "0;10;5M") == MouseEvent(kind: .press, button: 0, x: 9, y: 4))
        #expect(MouseEvent(sgr: "32;11;5M") == MouseEvent(kind: .drag, button: 0, x: 10, y: 4))
        #expect(MouseEvent(sgr: "0;12;5m") == MouseEvent(kind: .release, button: 0, x: 11, y: 4))
        #expect(MouseEvent(sgr: "2;300;100M") == MouseEvent(kind: .press, button: 2, x: 299, y: 99))
        #expect(MouseEvent(sgr: "64;1;1M")?.button == 64)
        #expect(MouseEvent(sgr: "0;10M") == nil)
        #expect(MouseEvent(sgr: "0;0;5M") == nil)
        #expect(MouseEvent(sgr: "a;b;cM") == nil)
        #expect(MouseEvent(sgr: "0;10;5") == nil)
    }
}
