{"alg":"Ed25519","keyId":"941a733a50aa9ffe","signature":"UQ5fof0lKgQ/klTRxj2HCGoTRc0hnZciFs5bmZa5MF71c0xQcXGDR5AohN13+Thuc6vmeRx3ZcJ8JVtxyED/Bg=="}
