import Foundation
import Testing
import RCUEngine
@testable import Dashboard

@Suite struct HeadlessWriterTests {
    let json = HeadlessWriter(format: .jsonl)
    let csv = HeadlessWriter(format: .csv)

    func object(_ line: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func jsonRecordHasTheKeysAndParses() throws {
        let o = try object(json.record(SnapshotFixtures.video()))
        for key in ["t", "gp_seq", "gp_completed", "cb_queued", "cb_invoked", "cb_pending", "lazy_pending", "bypass", "wakeups",
                    "wakeups_by_cause", "bytes_pending", "bytes_freed", "lazy", "workloads", "flushes", "free_bytes"] {
            #expect(o[key] != nil, "\(key)")
        }
        #expect(o["summary"] == nil)
        #expect((o["gp_seq"] as? Int) == -1187)
        #expect((o["t"] as? Double) == 12.345)
        #expect((o["wakeups"] as? Int) == 410 + 980 + 1130 + 12 + 205)
        let byCause = try #require(o["wakeups_by_cause"] as? [String: Int])
        #expect(Set(byCause.keys) == Set(WakeupCause.allCases.map(\.rawValue)))
        #expect(byCause["lazy_timer"] == 12)
        let flushes = try #require(o["flushes"] as? [String: Int])
        #expect(flushes["lazy_timer"] == 4)
        #expect((o["workloads"] as? [String]) == ["video", "build"])
        #expect((o["lazy"] as? Bool) == true)
    }

    @Test func jsonKeyOrderIsStable() {
        let line = json.record(SnapshotFixtures.video())
        #expect(line.hasPrefix("{\"t\":12.345,\"jiffies\":12345,\"gp_seq\":-1187,\"gp_completed\":3,\"cb_queued\":"))
        #expect(line.contains("\"wakeups_by_cause\":{\"gp_kthread\":410,\"rcuog\":980,\"rcuop\":1130,\"lazy_timer\":12,\"bypass_timer\":205,\"workload\":6100,\"tick\":0}"))
    }

    @Test func summaryIsMarked() throws {
        #expect((try object(json.summary(SnapshotFixtures.video()))["summary"] as? Bool) == true)
        #expect(csv.summary(SnapshotFixtures.video()).hasSuffix(",1"))
        #expect(csv.record(SnapshotFixtures.video()).hasSuffix(",0"))
    }

    @Test func identicalSnapshotsGiveIdenticalBytes() {
        #expect(json.record(SnapshotFixtures.video(cpus: 64)) == json.record(SnapshotFixtures.video(cpus: 64)))
        #expect(csv.record(SnapshotFixtures.video(cpus: 64)) == csv.record(SnapshotFixtures.video(cpus: 64)))
    }

    @Test func jsonLinesHaveNoLineBreaks() {
        #expect(!json.record(SnapshotFixtures.video()).contains("\n"))
        #expect(json.header() == nil)
    }

    @Test func stringsAreEscaped() throws {
        #expect(JSONObject.quote("a\"b\\c\nd\u{1}") == "\"a\\\"b\\\\c\\nd\\u0001\"")
        let parsed = try JSONSerialization.jsonObject(with: Data(("[" + JSONObject.quote("x\"\u{7}é") + "]").utf8)) as? [String]
        #expect(parsed == ["x\"\u{7}é"])
        #expect(HeadlessWriter.csvField("a,b\"c") == "\"a,b\"\"c\"")
    }

    @Test func csvColumnCountIsStable() throws {
        let header = try #require(csv.header())
        let columns = header.split(separator: ",", omittingEmptySubsequences: false).count
        #expect(columns == HeadlessWriter.csvColumns.count)
        for s in [SnapshotFixtures.video(), SnapshotFixtures.video(cpus: 4096, lazy: false), SnapshotFixtures.empty()] {
            #expect(csv.record(s).split(separator: ",", omittingEmptySubsequences: false).count == columns)
            #expect(csv.summary(s).split(separator: ",", omittingEmptySubsequences: false).count == columns)
        }
        #expect(header.hasPrefix("t,jiffies,gp_seq,gp_completed,cb_queued,cb_invoked,cb_pending,lazy_pending,bypass,wakeups,wakeups_gp_kthread"))
    }

    @Test func csvAndJSONAgreeOnScalars() throws {
        let s = SnapshotFixtures.video()
        let o = try object(json.record(s))
        let names = csv.header()!.split(separator: ",").map(String.init)
        let values = csv.record(s).split(separator: ",").map(String.init)
        let row = Dictionary(uniqueKeysWithValues: zip(names, values))
        for key in ["gp_seq", "cb_pending", "lazy_pending", "bytes_pending", "bytes_freed", "wakeups"] {
            #expect(row[key] == "\(o[key]!)", "\(key)")
        }
        #expect(row["workloads"] == "video+build")
    }
}
