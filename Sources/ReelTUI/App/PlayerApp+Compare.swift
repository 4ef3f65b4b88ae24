import ReelCore

/// An A/B compare as the player runs it: B is another open file, opened with no sound and no
/// analysis, whose frames follow A's playhead through the session's `compare(with:)`.
struct CompareState {
    var mode: CompareMode
    /// B's file, open.
    var b: MediaSession
    /// Where the wipe's divider is, as a fraction of the viewer's width.
    var divider = 0.5
    /// The toggle shows B (else A).
    var showsB = false
}

extension PlayerApp {
    /// Starts comparing the file shown (A) with the next file that has a picture (B), in `mode`;
    /// says why not when there is none. B decodes through the same cache and pool.
    func startCompare(_ mode: CompareMode) {
        stopCompare()
        guard let current, current.hasPicture else {
            message = "compare: this file has no picture"
            return
        }
        let others = (1..<max(1, items.count)).map { (index + $0) % items.count }.filter { items[$0].hasPicture }
        guard let bIndex = others.first else {
            message = "compare: open two files with pictures (reel A B --compare)"
            return
        }
        let b: MediaSession
        do {
            b = try MediaSession(items[bIndex], fps: options.fps, device: nil, cache: current.session.cache,
                                 pool: current.session.pool, analysisView: nil)
        } catch {
            message = "compare: " + error.description
            return
        }
        let alignment = CompareAlignment(options.compareAlignment, a: current.timing, b: b.timing)
        current.session.compare(with: b.session.source, frames: b.session.playback.first...b.session.playback.last,
                                alignment: alignment, size: current.session.size)
        compare = CompareState(mode: mode, b: b)
    }

    /// Ends the compare and gives back everything B held.
    func stopCompare() {
        guard let state = compare else { return }
        compare = nil
        current?.session.stopComparing()
        state.b.close()
    }

    /// `A`: off, wipe, side by side, toggle, off.
    func cycleCompare() {
        guard let state = compare else { return startCompare(.wipe) }
        if let next = state.mode.next {
            compare?.mode = next
            compare?.showsB = false
        } else {
            stopCompare()
        }
    }

    /// The box each side is fitted to, from the viewer's: half of it side by side.
    func compareBox(_ box: FrameSize) -> FrameSize {
        guard compare?.mode == .sideBySide else { return box }
        return FrameSize(width: max(1, box.width / 2), height: box.height)
    }

    /// The viewer's picture while comparing: A's and B's pictures (zoomed alike) in one, as
    /// `CompareCanvas` puts them; nil when not comparing.
    func comparedPicture(_ view: FrameView, box: FrameSize) -> PlayerSnapshot.Viewer? {
        guard let state = compare, let current, let compared = view.compared else { return nil }
        let side = compareBox(box)
        func picture(_ content: FrameContent?, source: (width: Int, height: Int)?) -> RGBImage? {
            guard case .image(let image)? = content else { return nil }
            guard pictureZoom.scale != nil, let source else { return image }
            return pictureZoom.picture(of: image, source: FrameSize(width: source.width, height: source.height), box: side)
        }
        let a = picture(view.content, source: current.imageSize)
        let b = picture(compared.content, source: state.b.imageSize)
        // Nothing of either yet: the viewer says it is decoding, as for one file.
        if a == nil, b == nil, view.content == nil { return .decoding(view.due) }
        let canvas = CompareCanvas.compose(state.mode, a: a, b: b, box: box, dividerX: Int(state.divider * Double(box.width)),
                                           dividerWidth: display.mode.isImage ? 2 : 1, showsB: state.showsB)
        return .frame(.image(canvas), shown: view.shownFrame ?? view.due)
    }

    /// What the title says of the compare: the mode, B's name and the frame of B beside A's.
    func compareTitle(_ view: FrameView) -> String? {
        guard let state = compare, let compared = view.compared else { return nil }
        let mode = state.mode == .toggle ? "toggle: \(state.showsB ? "B" : "A") shown" : state.mode.rawValue
        // Versions of a render often share a name in folders of their own: B's folder says which.
        var name = state.b.titleName.split(separator: "/").last.map(String.init) ?? state.b.titleName
        if name == current?.titleName.split(separator: "/").last.map(String.init) {
            let file = state.b.picture.flatMap { $0.sequence.path(frame: $0.sequence.first) } ?? state.b.item.path
            let folders = file.split(separator: "/").dropLast()
            if let folder = folders.last { name += " in \(folder)" }
        }
        let b = "B \(name)"
        let frames = state.b.session.playback.first...state.b.session.playback.last
        let frame: String
        if !frames.contains(compared.due) {
            frame = "has no frame \(compared.due)"
        } else {
            switch compared.content {
            case .missing?: frame = "frame \(compared.due) missing"
            case .failed?: frame = "frame \(compared.due) failed"
            default: frame = "frame \(compared.shownFrame ?? compared.due)"
            }
        }
        return "\(mode) \u{00B7} \(b) \(frame) (by \(options.compareAlignment.rawValue))"
    }

    /// What the identity of a placed picture adds while comparing (so a moved divider or a
    /// flipped toggle is sent again).
    func compareVariant(_ view: FrameView) -> String {
        guard let state = compare else { return "" }
        return "\(state.mode.rawValue) \(state.divider) \(state.showsB) \(view.compared?.shownFrame ?? -1)"
    }

    /// A left press or drag on the viewer while comparing: a wipe's divider goes to the pointer,
    /// a toggle flips. False when the event is not one of these.
    func compareMouse(_ event: MouseEvent) -> Bool {
        guard let state = compare, let viewer = lastLayout?.viewer, event.button == 0, !scrubbing else { return false }
        let inside = event.x >= viewer.x && event.x < viewer.x + viewer.width && event.y >= viewer.y && event.y < viewer.y + viewer.height
        switch (state.mode, event.kind) {
        case (.wipe, .press) where inside, (.wipe, .drag) where movingDivider:
            movingDivider = true
            compare?.divider = min(1, max(0, (Double(event.x - viewer.x) + 0.5) / Double(max(1, viewer.width))))
            return true
        case (.toggle, .press) where inside:
            compare?.showsB.toggle()
            return true
        case (_, .release) where movingDivider:
            movingDivider = false
            return true
        default:
            return false
        }
    }
}

extension MediaSession {
    /// Where its frames are in time, for lining it up with another file.
    var timing: CompareAlignment.Timing {
        CompareAlignment.Timing(first: session.playback.first, start: startTimecode, fps: fps)
    }
}
