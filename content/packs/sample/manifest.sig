{"alg":"Ed25519","keyId":"941a733a50aa9ffe","signature":"daivsGDaKbmZQV/58+UXTZEykYbOb9xpuOalABP7JGnqtVC9pKkVP+4VVfDvuDnJBPa1T2yICHDkQ8PCKz3jBw=="}
