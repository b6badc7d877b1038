{"alg":"Ed25519","keyId":"941a733a50aa9ffe","signature":"Fm6f4OjgX7Oi9ulkdJktL1uAvBp3skFlig5BPTAGTPRdAYJ1aQS0ucAfy4v9Eahhre3X3Jo2utjvIdr+aI3mBQ=="}
