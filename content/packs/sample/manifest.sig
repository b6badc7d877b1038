{"alg":"Ed25519","keyId":"941a733a50aa9ffe","signature":"R3ttHeYgWSqN0Cb/h2XqQm1Au2/xf5bLKh0/yQxZtTpyWseD8WhsShYPl9fVQ3146a/3s+tPaSC4dGXdQnoVAw=="}
