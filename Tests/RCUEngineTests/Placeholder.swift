import Testing

@Test func placeholder_RCUEngineTests() {}
