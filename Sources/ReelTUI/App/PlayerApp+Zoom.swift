import ReelCore

extension PlayerApp {
    /// The frame's size and the viewer's in pixels, when a picture is shown.
    var zoomFrame: (source: FrameSize, box: FrameSize)? {
        guard let size = current?.imageSize, let viewer = lastLayout?.viewer else { return nil }
        return (FrameSize(width: size.width, height: size.height), pixelFrameSize(for: viewer))
    }

    /// Applies `change` to the viewer's zoom; `point` is the box pixel a zoom keeps in place.
    func zoomPicture(_ change: PictureZoom, at point: (x: Double, y: Double)?) {
        guard let (source, box) = zoomFrame else { return }
        switch change {
        case .fit: pictureZoom.fit()
        case .scale(let scale): pictureZoom.set(scale: scale, source: source, box: box)
        case .zoomIn: pictureZoom.zoom(by: 2.0.squareRoot(), at: point, source: source, box: box)
        case .zoomOut: pictureZoom.zoom(by: 1 / 2.0.squareRoot(), at: point, source: source, box: box)
        case .pan(let x, let y):
            pictureZoom.pan(dx: Double(x * box.width) / 10, dy: Double(y * box.height) / 10, source: source, box: box)
        }
    }

    /// The wheel and the middle and right buttons over the viewer; false when the event is not one.
    func viewerMouse(_ event: MouseEvent) -> Bool {
        guard let viewer = lastLayout?.viewer, let (_, box) = zoomFrame else {
            panningFrom = nil
            return false
        }
        let inside = event.x >= viewer.x && event.x < viewer.x + viewer.width && event.y >= viewer.y && event.y < viewer.y + viewer.height
        // Box pixels per cell across and down.
        let perX = Double(box.width) / Double(max(1, viewer.width)), perY = Double(box.height) / Double(max(1, viewer.height))
        switch (event.button, event.kind) {
        case (64, .press) where inside, (65, .press) where inside:
            let point = ((Double(event.x - viewer.x) + 0.5) * perX, (Double(event.y - viewer.y) + 0.5) * perY)
            zoomPicture(event.button == 64 ? .zoomIn : .zoomOut, at: point)
            return true
        case (1, .press) where inside, (2, .press) where inside:
            panningFrom = (event.x, event.y)
            return true
        case (1, .drag), (2, .drag):
            guard let from = panningFrom, let (source, box) = zoomFrame else { return false }
            // The picture follows the pointer: the view moves the other way.
            pictureZoom.pan(dx: -Double(event.x - from.x) * perX, dy: -Double(event.y - from.y) * perY, source: source, box: box)
            panningFrom = (event.x, event.y)
            return true
        case (1, .release), (2, .release):
            let was = panningFrom != nil
            panningFrom = nil
            return was
        default:
            return false
        }
    }
}
