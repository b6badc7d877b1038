import { describe, expect, it } from 'vitest';
import { parseStartArgs, StartConfigError } from './config.ts';

describe('npm start options', () => {
  it('takes three distinct ports', () => {
    const config = parseStartArgs(['--hall-port', '5600', '--bridge-port', '5601', '--region-port', '5700']);
    expect(config).toMatchObject({ hallPort: 5600, bridgePort: 5601, regionPort: 5700 });
  });

  it('refuses a port given to two servers, naming both options', () => {
    const refused = () => parseStartArgs(['--hall-port', '4700', '--bridge-port', '4701']);
    expect(refused).toThrow(StartConfigError);
    expect(refused).toThrow('regionPort: --region-port 与 --hall-port 都是 4700，每个服务需要各自的端口');
  });

  it('lets every server pick a free port with 0', () => {
    expect(parseStartArgs(['--hall-port', '0', '--bridge-port', '0', '--region-port', '0'])).toMatchObject({ hallPort: 0, bridgePort: 0, regionPort: 0 });
  });
});
