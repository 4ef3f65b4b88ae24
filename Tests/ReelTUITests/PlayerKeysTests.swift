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

    @Test func theHelpNamesEveryBindingAndTheMouse() {
        let grid = {
            var grid = CellGrid(width: 160, height: 40)
            HelpPane.draw(KeyMap.helpEntries, in: Rect(x: 0, y: 0, width: 160, height: 40), into: &grid)
            return grid.text
        }()
        for binding in KeyMap.bindings {
            #expect(grid.contains(binding.label), "\(binding.label)")
            #expect(grid.contains(binding.meaning), "\(binding.meaning)")
        }
        #expect(grid.contains("click or drag on the timeline"))
    }

    @Test func codesFromCursesBecomeKeys() {
        #expect(Key(curses: 127) == .backspace)
        #expect(Key(curses: 8) == .backspace)
        #expect(Key(curses: 9) == .tab)
        #expect(Key(curses: 27) == .escape)
        #expect(Key(curses: 2) == .character("\u{02}"))
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
