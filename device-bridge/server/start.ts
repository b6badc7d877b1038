// Starts a whole bridge (drivers, simulators, WebSocket) from options; used by main.ts and by tests.
import { BridgeConfigSchema, type BridgeConfig, type BridgeConfigInput } from '../config/schema.ts';
import type { Logger } from '../util/log.ts';
import { Bridge, type BridgeOptions } from './bridge.ts';
import { startBridgeServer } from './ws-server.ts';

export interface StartBridgeOptions extends Partial<Omit<BridgeOptions, 'config' | 'log'>> {
  config?: BridgeConfig | BridgeConfigInput;
  port?: number;
  log: Logger;
}

export interface RunningBridge {
  bridge: Bridge;
  port: number;
  url: string;
  dropClients(): void;
  close(): Promise<void>;
}

export async function startBridge(options: StartBridgeOptions): Promise<RunningBridge> {
  const config = BridgeConfigSchema.parse(options.config ?? {});
  const bridge = await Bridge.create({ ...options, config, simulate: options.simulate ?? false, log: options.log });
  try {
    const server = await startBridgeServer({
      bridge,
      port: options.port ?? 4601,
      allowedOrigins: config.allowedOrigins,
      ...(config.toolToken === undefined ? {} : { toolToken: config.toolToken }),
      log: options.log,
    });
    return {
      bridge,
      port: server.port,
      url: server.url,
      dropClients: server.dropClients,
      close: async () => {
        await server.close();
        await bridge.close();
      },
    };
  } catch (error) {
    await bridge.close();
    throw error;
  }
}
