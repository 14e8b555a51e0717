export const runtimeName = "snapgen";
export const internalJsVersion = "0.1.0";
