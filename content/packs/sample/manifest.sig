{"alg":"Ed25519","keyId":"941a733a50aa9ffe","signature":"ONqNBjFXjnF7PxGw/r0QBcKtPMjFyBoOaMFavJjQcV9M1w4DpjW/esOmzZoPZOMsajo0mtTjlPbBy+Erdq2ECQ=="}
