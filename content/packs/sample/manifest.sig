{"alg":"Ed25519","keyId":"941a733a50aa9ffe","signature":"KEoAI80VjwS5U+/4SSaEh5aKeO4Cr/rlp4//ujuxJI/Dolt5wZEGVJVK8gGDi/yA0plDfA4xnyao/RPQRYM9DQ=="}
