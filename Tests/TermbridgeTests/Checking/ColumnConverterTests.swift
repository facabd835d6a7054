import Foundation
import Testing
@testable import Termbridge

/// Findings reach the report out of line order (a TMX unit's source and target lines,
/// summaries at the end); the converter must give the same columns in any order, and going
/// back must not read the file again from its start (which made a 100,000-unit check with
/// many findings quadratic).
@Suite struct ColumnConverterTests {
    /// 1,000 lines mixing Chinese, ASCII and a tab, each different, over several 1 MB reads.
    private static func writeFile() throws -> String {
        let path = NSTemporaryDirectory() + "termbridge-columns-\(UUID().uuidString).txt"
        var text = ""
        for line in 1...1_000 {
            text += "第\(line)行\t准盟友 quasi ally \(line) " + String(repeating: "盟", count: line % 700) + " end\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [ColumnUnit.bytes, .utf16, .display])
    func columnsAreTheSameInAnyOrder(_ unit: ColumnUnit) throws {
        let path = try Self.writeFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Column 12 is past the tab and the first Chinese characters of every line.
        let locations = (1...1_000).map { FileLocation(file: path, line: $0, column: 12) }
        let inOrder = ColumnConverter(unit: unit)
        let expected = locations.map { inOrder.convert($0).column }
        // Backwards, then a zigzag of small and long jumps, through one converter.
        let converter = ColumnConverter(unit: unit)
        let order = Array((0..<1_000).reversed()) + (0..<1_000).map { ($0 * 389) % 1_000 }
        for index in order {
            #expect(converter.convert(locations[index]).column == expected[index], "line \(index + 1)")
        }
        // Line 1 is "第1行⇥准盟友 quasi…": before column 12 (scalars) lie 21 bytes, 11 UTF-16
        // units, and 18 display columns (the tab reaching column 8, Han two columns wide).
        #expect(expected[0] == [ColumnUnit.bytes: 22, .utf16: 12, .display: 19][unit])
    }
}
