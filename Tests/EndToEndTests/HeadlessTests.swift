import Foundation
import Testing

/// `--headless`: records per interval, a summary, byte-identical for the same flags (issue 2 item 6).
@Suite struct HeadlessTests {
    @Test func threeSecondsGiveThreeRecordsAndASummary() {
        let result = spawnAndWait([rcutopBinary(), "--headless", "--duration", "3"], timeoutSeconds: 30)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4, "\(result.stdout)")
        #expect(lines.prefix(3).allSatisfy { !$0.contains("\"summary\":true") })
        #expect(lines.last?.contains("\"summary\":true") == true)
    }

    /// The default interval (1 s) shrinks to a shorter duration instead of being an error.
    @Test func halfASecondGivesOneRecordAndASummary() {
        let result = spawnAndWait([rcutopBinary(), "--headless", "--duration", "0.5"], timeoutSeconds: 30)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 2, "\(result.stdout)")
    }

    /// `--compare` of all five policies: one text table, a row per policy plus the lazy-off reference.
    @Test func compareAllFivePoliciesPrintsOneTable() {
        let result = spawnAndWait([rcutopBinary(), "--headless", "--compare", "shrinker,reclaim-hook,no-mem-flag,slab-deferred,none",
                                   "--duration", "20", "--workload", "video,logging,proactive,memhog", "--mem", "512M"], timeoutSeconds: 60)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3 + 6, "\(result.stdout)")
        for name in ["shrinker", "reclaim-hook", "no-mem-flag", "slab-deferred", "none", "lazy-off"] {
            #expect(lines.contains { $0.hasPrefix(name + " ") }, "\(name)")
        }
        #expect(lines[0].contains("512 MiB"))
    }

    @Test func compareAsJSONLinesHasTheMeasures() {
        let result = spawnAndWait([rcutopBinary(), "--headless", "--compare", "shrinker,reclaim-hook", "--duration", "10",
                                   "--workload", "logging,proactive", "--format", "jsonl"], timeoutSeconds: 60)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        for key in ["\"policy\":\"shrinker\"", "\"unnecessary\":", "\"power_w\":", "\"stalls\":", "\"oom\":", "\"held_mean_bytes\":",
                    "\"flush_proactive\":", "\"back_mean_ms\":", "\"kfree_page_fail\":"] {
            #expect(lines[0].contains(key), "\(key)")
        }
        #expect(lines[1].hasPrefix("{\"policy\":\"reclaim-hook\""))
        #expect(lines[2].hasPrefix("{\"policy\":\"lazy-off\""))
    }

    @Test func sameSeedGivesIdenticalBytes() {
        let arguments = [rcutopBinary(), "--headless", "--duration", "20", "--seed", "7", "--workload", "video,logging"]
        let first = spawnAndWait(arguments, timeoutSeconds: 60)
        let second = spawnAndWait(arguments, timeoutSeconds: 60)
        #expect(first.status == 0 && second.status == 0)
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
    }

    @Test func csvHasAHeaderOrRecordsAndHalfSecondIntervals() {
        let result = spawnAndWait([rcutopBinary(), "--headless", "--duration", "2", "--interval", "0.5", "--format", "csv"],
                                  timeoutSeconds: 30)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        // 4 records and a summary, plus a header line when the writer has one.
        #expect(lines.count == 5 || lines.count == 6, "\(result.stdout)")
    }
}
