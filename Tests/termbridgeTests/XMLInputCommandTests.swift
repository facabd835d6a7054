import Foundation
import Testing

/// Hostile XML through the commands users run: exit status 2 and a message naming the file,
/// never a crash and never "no findings" for a file that was not read.
@Suite struct XMLInputCommandTests {
    @Test(arguments: ["GBK", "Big5", "Shift_JIS", "UTF-7"])
    func aLegacyEncodingIsRefusedNotACrash(encoding: String) throws {
        let tbx = try temporaryFile("<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n<tbx>准</tbx>\n", suffix: ".tbx")
        let result = try termbridge(["glossary", "stats", tbx])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(tbx))
        #expect(result.stderr.contains("iconv -f \(encoding) -t UTF-8"), "\(result.stderr)")
        let tmx = try temporaryFile("<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n<tmx><body/></tmx>\n", suffix: ".tmx")
        let check = try termbridge(["check", "--bilingual", tmx])
        #expect(check.status == 2, "\(check.stderr)")
        #expect(check.stderr.contains("iconv -f \(encoding) -t UTF-8"), "\(check.stderr)")
    }

    @Test func aBilingualFileWithTheWrongRootIsAnError() throws {
        let tbx = try String(contentsOfFile: "Glossary/quasi-alliance.tbx", encoding: .utf8)
        let asTMX = try temporaryFile(tbx, suffix: ".tmx")
        let result = try termbridge(["check", "--bilingual", asTMX])
        #expect(result.status == 2)
        #expect(result.stderr.contains(asTMX) && result.stderr.contains("<tbx>") && result.stderr.contains("<tmx>"), "\(result.stderr)")
        #expect(!result.stdout.contains("no findings"))

        let tmx = try temporaryFile("<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu></body></tmx>\n", suffix: ".xlf")
        let asXLIFF = try termbridge(["check", "--bilingual", tmx])
        #expect(asXLIFF.status == 2)
        #expect(asXLIFF.stderr.contains("<xliff>") && asXLIFF.stderr.contains("<tmx>"), "\(asXLIFF.stderr)")
    }
}
