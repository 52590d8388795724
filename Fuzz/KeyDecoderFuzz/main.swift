// libFuzzer target: bytes from a terminal through KeyDecoder (fed in pieces the input chooses),
// KeyMap and reduce. Built by scripts/fuzz.sh keys (with -parse-as-library: no top-level code).
import Dashboard
import RCUEngine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The first byte picks the chunk size, so the fuzzer also explores how input is split.
    let chunk = max(1, Int(bytes.first ?? 1) % 17)
    var decoder = KeyDecoder()
    var state = AppState(themeNames: ["default", "light", "mono"])
    var keys: [Key] = []
    var i = bytes.isEmpty ? 0 : 1
    while i < bytes.count {
        keys += decoder.feed(Array(bytes[i..<min(bytes.count, i + chunk)]))
        i += chunk
        precondition(decoder.pending.count <= 36, "decoder kept \(decoder.pending.count) bytes")
    }
    keys += decoder.flush()
    precondition(decoder.pending.isEmpty, "flush left bytes pending")
    // Any split decodes to the same keys as one decode.
    let whole = KeyDecoder.decode(Array(bytes.dropFirst()))
    precondition(whole == keys, "split decode differs from one decode")
    for key in keys {
        guard let command = KeyMap.command(for: key) else { continue }
        _ = reduce(&state, command)
        if case .nextTheme = command { _ = reduce(&state, .themeFailed("fuzz")) }
    }
    precondition(state.themeNames.contains(state.themeName))
    return 0
}
