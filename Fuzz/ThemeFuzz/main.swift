// libFuzzer target: any bytes as a theme file. Parsing either gives a theme or throws a
// ThemeError naming the file; it must never trap. Built by scripts/fuzz.sh theme.
import Dashboard

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let parsed = try ThemeFile.parse(bytes, file: "fuzz.theme", name: "fuzz")
        precondition(!parsed.keysSet.isEmpty, "a parsed theme sets at least one key")
        _ = parsed.theme.name
    } catch {
        precondition(error.file == "fuzz.theme", "error names another file")
        precondition(!error.problem.isEmpty)
        _ = error.description
    }
    return 0
}
