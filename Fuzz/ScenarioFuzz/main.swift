// libFuzzer target: any bytes as a scenario file. Parsing either gives a scenario or throws a
// ScenarioError naming the file; it must never trap. Built by scripts/fuzz.sh scenario.
import Dashboard

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let scenario = try ScenarioParser.parse(bytes, file: "fuzz.scenario", name: "fuzz")
        _ = (scenario.config, scenario.steps.count)
    } catch {
        precondition(error.file == "fuzz.scenario", "error names another file")
        precondition(!error.problem.isEmpty)
        _ = error.description
    }
    return 0
}
