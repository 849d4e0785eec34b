// The integer hashes of src/core/Hash.h, bit for bit.

uint lowbias32(uint x) {
    x ^= x >> 16u;
    x *= 0x7feb352du;
    x ^= x >> 15u;
    x *= 0x846ca68bu;
    x ^= x >> 16u;
    return x;
}

float hashToUnitFloat(uint h) {
    return float(h >> 8u) * (1.0 / 16777216.0);
}
