{"alg":"Ed25519","keyId":"941a733a50aa9ffe","signature":"NezD8Xcry6p/xFB6ZmFUoFtNuIo5gGxNG6J6kNboXe2m8jU8mK5j4H3MHbnYVcw425VfLSxhFgwmrNsOKHmcCg=="}
