/// Timed events ordered by (jiffy, sequence number), so events due at the same jiffy run in the
/// order they were scheduled: a binary min-heap, plus a FIFO for events scheduled at the jiffy
/// being processed ("run next", the common case of a kthread woken now), which all share one
/// jiffy and rising sequence numbers, so merging the two keeps the exact order. O(log n) for the
/// heap, O(1) for the FIFO.
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
    /// Events at `currentJiffy`, in sequence order, from `immediateHead` up to `immediateCount`
    /// (the storage is reused, never shrunk).
    private var immediate: [Entry] = []
    private var immediateHead = 0
    private var immediateCount = 0
    /// Jiffy of the last event popped.
    private var currentJiffy: Jiffies = .max

    var isEmpty: Bool { heap.isEmpty && immediateHead == immediateCount }
    var count: Int { heap.count + immediateCount - immediateHead }
    /// Jiffy of the earliest event.
    var nextJiffy: Jiffies? {
        if immediateHead < immediateCount { return min(immediate[immediateHead].jiffy, heap.first?.jiffy ?? .max) }
        return heap.first?.jiffy
    }

    mutating func schedule(_ payload: Payload, at jiffy: Jiffies) {
        let entry = Entry(jiffy: jiffy, sequence: nextSequence, payload: payload)
        nextSequence &+= 1
        if jiffy == currentJiffy {
            if immediateCount < immediate.count { immediate[immediateCount] = entry } else { immediate.append(entry) }
            immediateCount += 1
            return
        }
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
        if immediateHead < immediateCount {
            let next = immediate[immediateHead]
            if next.jiffy <= limit && (heap.isEmpty || next.precedes(heap[0])) {
                immediateHead += 1
                if immediateHead == immediateCount {
                    immediateHead = 0
                    immediateCount = 0
                }
                currentJiffy = next.jiffy
                return next
            }
        }
        guard let first = popHeap(upTo: limit) else { return nil }
        currentJiffy = first.jiffy
        return first
    }

    private mutating func popHeap(upTo limit: Jiffies) -> Entry? {
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
