/// A binary min-heap of timed events, ordered by (jiffy, sequence number), so events due at the
/// same jiffy run in the order they were scheduled. O(log n) push and pop.
struct EventQueue<Payload: Sendable>: Sendable {
    struct Entry: Sendable {
        var jiffy: Jiffies
        var sequence: UInt64
        var payload: Payload
        @inline(__always) func precedes(_ other: Entry) -> Bool {
            jiffy != other.jiffy ? jiffy < other.jiffy : sequence < other.sequence
        }
    }

    private var heap: [Entry] = []
    private var nextSequence: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }
    /// Jiffy of the earliest event.
    var nextJiffy: Jiffies? { heap.first?.jiffy }

    mutating func schedule(_ payload: Payload, at jiffy: Jiffies) {
        let entry = Entry(jiffy: jiffy, sequence: nextSequence, payload: payload)
        nextSequence &+= 1
        heap.append(entry)
        // Sift the hole up, then drop the entry in.
        heap.withUnsafeMutableBufferPointer { h in
            var child = h.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard entry.precedes(h[parent]) else { break }
                h[child] = h[parent]
                child = parent
            }
            h[child] = entry
        }
    }

    /// Remove and return the earliest event if it is due at or before `limit`.
    mutating func popDue(upTo limit: Jiffies) -> Entry? {
        guard let first = heap.first, first.jiffy <= limit else { return nil }
        let last = heap.removeLast()
        if heap.isEmpty { return first }
        // Sift the hole at the root down, then drop the last entry in.
        heap.withUnsafeMutableBufferPointer { h in
            var parent = 0
            let n = h.count
            while true {
                let left = 2 * parent + 1
                if left >= n { break }
                var best = left
                let right = left + 1
                if right < n && h[right].precedes(h[left]) { best = right }
                guard h[best].precedes(last) else { break }
                h[parent] = h[best]
                parent = best
            }
            h[parent] = last
        }
        return first
    }
}

/// A fixed-capacity ring buffer, oldest first.
struct Ring<Element: Sendable & Equatable>: Sendable, Equatable {
    let capacity: Int
    private var storage: [Element] = []
    private var head = 0

    init(capacity: Int) { self.capacity = capacity; storage.reserveCapacity(min(capacity, 1024)) }

    mutating func append(_ element: Element) {
        if storage.count < capacity { storage.append(element); return }
        storage[head] = element
        head = (head + 1) % capacity
    }

    var count: Int { storage.count }
    var last: Element? { storage.isEmpty ? nil : storage[(head + storage.count - 1) % storage.count] }

    /// Elements, oldest first.
    var elements: [Element] {
        if head == 0 { return storage }
        return Array(storage[head...] + storage[..<head])
    }
}
