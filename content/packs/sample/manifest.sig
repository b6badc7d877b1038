{"alg":"Ed25519","keyId":"941a733a50aa9ffe","signature":"w0nCOAERyYq+Z0egfdrOzSBibv0xaloXbugPj1L46gPh8TFGAtgNquq8YifEDkHpH6jAQD86mTWsaNE3fvMQDQ=="}
