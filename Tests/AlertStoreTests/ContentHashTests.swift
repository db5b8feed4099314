import Testing

@testable import AlertStore

@Suite struct ContentHashTests {
    // FIPS 180-4 example vectors.
    @Test func knownDigests() {
        #expect(
            ContentHash(of: "").hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            ContentHash(of: "abc").hex
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            ContentHash(of: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq").hex
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func multiBlockMessage() {
        // 1,000 'a's spans many blocks and a padding block.
        #expect(
            ContentHash(of: String(repeating: "a", count: 1000)).hex
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func bytesMustBeThirtyTwo() {
        #expect(ContentHash(bytes: [1, 2, 3]) == nil)
        #expect(ContentHash(bytes: [UInt8](repeating: 7, count: 32)) != nil)
    }

    @Test func textHashIsStable() {
        #expect(TextHash.of("Almaty") == TextHash.of("Almaty"))
        #expect(TextHash.of("Almaty") != TextHash.of("almaty"))
    }
}
