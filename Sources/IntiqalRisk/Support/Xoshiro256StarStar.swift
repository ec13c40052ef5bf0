/// SplitMix64: a tiny generator used to expand a seed into well-mixed state.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** (Blackman & Vigna): the fast, seeded generator of every simulation here.
///
/// Streams for parallel work are derived from a seed and a stream index, so a result
/// depends on the seed only, never on how many cores ran it.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Hashable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// A generator whose state is expanded from `seed` by SplitMix64.
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// The generator of stream `stream` under `seed`: independent of every other stream.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed)
        let a = mixer.next()
        var streamMixer = SplitMix64(seed: stream &* 0xD1B5_4A32_D192_ED03 ^ a)
        self.init(seed: streamMixer.next() ^ mixer.next())
    }

    @inlinable
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// A uniform double in (0, 1]: never zero, so `log` of it is finite.
    @inlinable
    public mutating func nextOpenUnit() -> Double {
        Double((next() >> 11) &+ 1) * 0x1.0p-53
    }

    /// A uniform double in [0, 1), on the 53-bit grid.
    @inlinable
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
