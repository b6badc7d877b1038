// Demo identities for the simulated card readers. All numbers are made up but pass the GB 11643 check.
import { idCheckCharacter } from '../../protocol/person/id-number.ts';
import { SimIdentitySchema, type SimIdentity, type SimPreset } from '../../protocol/bridge/messages.ts';

const withCheck = (first17: string) => first17 + idCheckCharacter(first17);

export const SIM_PRESETS: Record<SimPreset, SimIdentity> = {
  resident: SimIdentitySchema.parse({ name: '张三', idNumber: withCheck('21010219850612003'), gender: '男', birthDate: '19850612' }),
  senior: SimIdentitySchema.parse({ name: '王秀英', idNumber: withCheck('21010219480305002'), gender: '女', nation: '10', birthDate: '19480305', validTo: '长期' }),
  longTerm: SimIdentitySchema.parse({ name: '李建国', idNumber: withCheck('21010419600101001'), gender: '男', birthDate: '19600101', validFrom: '20100101', validTo: '长期' }),
  hkMacaoTaiwan: SimIdentitySchema.parse({ name: '陈大文', idNumber: withCheck('81000019900101001'), gender: '男', birthDate: '19900101', docType: 'J', authority: '沈阳市公安局' }),
  foreigner: SimIdentitySchema.parse({ name: 'SMITH JOHN', idNumber: withCheck('91021019800101001'), gender: '男', birthDate: '19800101', docType: 'I' }),
};
