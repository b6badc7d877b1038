// DEMO ONLY. The key pair that signs the sample pack (content/packs/sample). Its private key is public, in this repository
// (demo-private.DEMO-ONLY.pem): a real hall must never trust DEMO_PUBLIC_KEY. Generate its own with `npm run pack -- keygen`.
export const DEMO_PUBLIC_KEY = "d9QhSKWFdO1bVPw1am9O6bIxcUmrF8RvodAYcfsqups";
export const DEMO_KEY_ID = "941a733a50aa9ffe";
export const DEMO_PRIVATE_KEY_FILE = "content/keys/demo-private.DEMO-ONLY.pem";
