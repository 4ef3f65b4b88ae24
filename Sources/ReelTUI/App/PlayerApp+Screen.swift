import ReelCore

extension PlayerApp {
    /// The screen at `now` for a terminal of `size`: ticks the session, samples the memory
    /// figures when due, and composes every pane.
    func screen(at now: Double, size: (width: Int, height: Int)) -> CellGrid {
        guard let current else { return failureScreen(size: size, now: now) }
        let session = current.session
        // Hidden panes give the picture their rows; sound alone keeps its pane, which is its picture.
        let hides = panesHidden && current.hasPicture
        let layout = ScreenLayout(width: size.width, height: size.height, picture: current.hasPicture,
                                  audio: current.analysis != nil && !hides, gaugeDetailed: gaugeDetailed, gauge: !hides)
        if let viewer = layout?.viewer {
            // Side by side, each picture has half the viewer.
            let fitted = compareBox(pixelFrameSize(for: viewer))
            // Zoomed, the frame is decoded at its own size (or the zoom's) and cut down here.
            func decodeSize(_ own: (width: Int, height: Int)?) -> FrameSize {
                own.map { pictureZoom.decodeSize(source: FrameSize(width: $0.width, height: $0.height), box: fitted) } ?? fitted
            }
            session.resize(to: decodeSize(current.imageSize))
            if let b = compare?.b { session.resizeCompared(to: decodeSize(b.imageSize)) }
        }
        let view = session.update(at: now)
        let playback = session.playback
        sample(at: now, frame: view.due, playback: playback, file: current.item.path, session: session)
        if playback.workArea == nil { zoomed = false }
        let visible = zoomed ? playback.range : playback.first...playback.last
        let scale = TimelineScale(frames: visible, width: layout?.track.width ?? 1)
        lastLayout = layout
        lastScale = scale
        let clock = FrameClock(unit: timeUnit, fps: current.fps, first: playback.first, start: current.startTimecode,
                               ownTimecode: current.hasOwnTimecode)
        let timeline = TimelineModel(
            visible: visible, frame: view.due, workArea: playback.workArea,
            columnStates: current.hasPicture ? session.frameStates(columns: (0..<scale.width).map(scale.frames(column:))) : nil,
            secondsAt: !current.hasPicture ? playback.fps : timeUnit == .seconds ? current.fps : nil, origin: playback.first,
            zoomed: zoomed, clock: current.hasPicture ? clock : nil)
        var audio: AudioPaneModel?
        if let analysis = current.analysis, let layout, let rect = layout.audio {
            let samples = scale.sampleRange(first: playback.first, fps: playback.fps, sampleRate: analysis.info.sampleRate)
            analysis.setView(AudioPane.view(track: layout.track, height: rect.height, samples: samples))
            audio = AudioPaneModel(analysis: analysis, samples: samples,
                                   playheadColumn: visible.contains(view.due) ? scale.column(frame: view.due) : nil)
        }
        var viewer: PlayerSnapshot.Viewer
        if !current.hasPicture {
            viewer = .none
        } else if let content = view.content {
            viewer = .frame(content, shown: view.shownFrame ?? view.due)
        } else {
            viewer = .decoding(view.due)
        }
        var decoded: (width: Int, height: Int)?
        if let rect = layout?.viewer, let compared = comparedPicture(view, box: pixelFrameSize(for: rect)) {
            viewer = compared
        } else if case .frame(.image(let image), let shown) = viewer {
            decoded = (image.width, image.height)
            if pictureZoom.scale != nil, let (source, box) = zoomFrame {
                viewer = .frame(.image(pictureZoom.picture(of: image, source: source, box: box)), shown: shown)
            }
        }
        picture = nil
        if display.mode.isImage, let rect = layout?.viewer, case .frame(.image(let image), let shown) = viewer {
            picture = placed(image, frame: shown, decoded: decoded ?? (image.width, image.height), in: rect,
                             variant: compareVariant(view))
        }
        let position = session.position(at: now)
        var title = TitleModel(
            name: current.titleName, imageSize: current.imageSize, fps: playback.fps, frame: view.due,
            first: playback.first, last: playback.last, isPlaying: playback.isPlaying, audio: current.audioTitle,
            workArea: playback.workArea, mode: playback.mode, speed: playback.speed * position.direction.rawValue,
            dropped: session.dropped + counters.linkSkipped, fileIndex: (index + 1, items.count),
            showsTime: !current.hasPicture, graphics: graphicsName, clock: clock)
        let factor = playback.fps / current.fps
        title.speedFactor = abs(factor - 1) > 1e-6 && current.hasPicture ? factor : nil
        title.loopLimit = playback.loopLimit
        title.compare = compareTitle(view)
        if session.soundOffRate, current.sound != nil {
            title.audio = "sound off at \(ByteText.trimmed(factor))\u{00D7} (its pitch cannot be kept)"
        }
        var snapshot = PlayerSnapshot(title: title, viewer: viewer, timeline: timeline, audio: audio,
                                      gauge: gauge, showHelp: showHelp)
        snapshot.picturesAsImages = display.mode.isImage
        snapshot.symbols = display.symbols
        snapshot.prompt = prompt
        snapshot.message = message
        return PlayerScreen.compose(snapshot, layout: layout, width: size.width, height: size.height)
    }

    /// The memory figures, the RSS history and a stats line, four times a second.
    func sample(at now: Double, frame: Int, playback: Playback, file: String, session: PlayerSession?) {
        guard now >= nextSample else { return }
        nextSample = max(nextSample + Self.sampleInterval, now)
        if let session {
            stats = session.stats()
        } else {
            stats.rssBytes = ProcessMemory.residentBytes()
            stats.heapBytes = ProcessMemory.heapBytes()
            stats.audioBytes = AudioMemory.bytes
            stats.decoderBytes = DecoderMemory.bytes
        }
        history.record(stats.rssBytes, at: now)
        counters.analysing = current?.analysis.map { !$0.progress.isDone } ?? false
        statsFile?.write(StatsFile.line(stats, time: now, frame: frame, workArea: playback.range,
                                        playing: playback.isPlaying, file: file, screen: counters))
    }

    /// The screen of a file that could not be opened: the reason where the picture would be.
    func failureScreen(size: (width: Int, height: Int), now: Double) -> CellGrid {
        let layout = ScreenLayout(width: size.width, height: size.height, picture: true, audio: false, gaugeDetailed: gaugeDetailed)
        let item = items[index]
        let placeholder = Playback(first: 0, last: 0, fps: options.fps)
        sample(at: now, frame: 0, playback: placeholder, file: item.path, session: nil)
        lastLayout = nil
        let snapshot = PlayerSnapshot(
            title: TitleModel(name: item.displayName, fps: options.fps, frame: 0, first: 0, last: 0, isPlaying: false,
                              fileIndex: (index + 1, items.count)),
            viewer: .notice(["cannot open \(item.displayName)", openFailure ?? ""]),
            timeline: TimelineModel(visible: 0...0, frame: 0),
            gauge: gauge, showHelp: showHelp)
        picture = nil
        return PlayerScreen.compose(snapshot, layout: layout, width: size.width, height: size.height)
    }

    /// The gauge's model: the memory figures, and the terminal's pictures and link with an image protocol.
    var gauge: GaugeModel {
        var model = GaugeModel(stats: stats, rssHistory: history.values, detailed: gaugeDetailed)
        if display.mode.isImage {
            model.terminalImageBytes = counters.terminalImageBytes
            model.linkBytesPerSecond = counters.linkBytesPerSecond
        }
        return model
    }

    /// What the title says draws the pictures, the zoom when not fitting, and the look when not plain.
    var graphicsName: String {
        let name = display.mode.isImage ? display.mode.rawValue : (display.symbols == .half ? "cells" : "\(display.symbols.rawValue) cells")
        let zoomed = pictureZoom.label.map { name + " " + $0 } ?? name
        return current?.session.source.look.label.map { zoomed + " \u{00B7} " + $0 } ?? zoomed
    }

    /// `pixelBox(for:)` as a frame size, at least 1×1.
    func pixelFrameSize(for rect: Rect) -> FrameSize {
        let box = pixelBox(for: rect)
        return FrameSize(width: max(1, box.width), height: max(1, box.height))
    }

    /// The picture size, in pixels, that fills the viewer `rect`: the terminal's own pixels
    /// with an image protocol, the symbols' sub-pixels with cells.
    func pixelBox(for rect: Rect) -> (width: Int, height: Int) {
        guard display.mode.isImage else { return ViewerPane.pixelBox(for: rect, symbols: display.symbols) }
        return (rect.width * display.cellPixels.width, rect.height * display.cellPixels.height)
    }

    /// `image` (frame `frame`, cut from a decode of `decoded` pixels) centred in the viewer
    /// `rect`, as an image protocol places it: at a cell and a number of pixels into it.
    func placed(_ image: RGBImage, frame: Int, decoded: (width: Int, height: Int), in rect: Rect, variant: String = "") -> PlacedPicture {
        let box = pixelBox(for: rect)
        let cell = display.cellPixels
        let left = max(0, (box.width - image.width) / 2), top = max(0, (box.height - image.height) / 2)
        let identity = ImagePlacer.Identity(file: index, frame: frame, column: rect.x + left / cell.width,
                                            row: rect.y + top / cell.height, width: image.width, height: image.height,
                                            decodedWidth: decoded.width, decodedHeight: decoded.height, zoom: pictureZoom,
                                            variant: variant)
        return PlacedPicture(image: image, identity: identity, area: rect,
                             offset: (left % cell.width, top % cell.height), cell: cell)
    }
}
