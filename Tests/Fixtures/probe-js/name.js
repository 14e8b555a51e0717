export const runtimeName = "snapgen";
