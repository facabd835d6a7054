/// Whole elements at a time: the subtree of an element just started, or skipping it.
extension XMLEventReader {
    /// The element `start` (just returned by ``next()``) with all its content, read up to its
    /// end tag. `onText`, when given, receives the place of the element holding each text
    /// child and that text's positions (recorded when ``recordsTextPositions``), in document
    /// order.
    func readSubtree(of start: XMLTreeElement, onText: ((XMLPlace, TextPositions) -> Void)? = nil) throws -> XMLTreeElement {
        var stack = [start]
        while let event = try next() {
            switch event {
            case .start(let element):
                stack.append(element)
            case .text(let text, let positions):
                stack[stack.count - 1].children.append(.text(text))
                if let onText, let positions { onText(stack[stack.count - 1].place, positions) }
            case .end:
                let element = stack.removeLast()
                guard !stack.isEmpty else { return element }
                stack[stack.count - 1].children.append(.element(element))
            }
        }
        throw malformed("the file ends inside <\(stack[stack.count - 1].name)>")   // next() throws first
    }

    /// Reads past the content and end tag of the element just started.
    func skipSubtree() throws {
        var depth = 1
        while depth > 0, let event = try next() {
            switch event {
            case .start: depth += 1
            case .end: depth -= 1
            case .text: break
            }
        }
    }

    /// The root element of the document with all its content; the rest of the document is
    /// checked too.
    func readDocument() throws -> XMLTreeElement {
        guard case .start(let root)? = try next() else { throw malformed("no root element") }   // next() throws first
        let tree = try readSubtree(of: root)
        while try next() != nil {}
        return tree
    }
}
