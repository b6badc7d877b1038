// A ticket's identity checked against its own number: the birth date and sex the hall keeps are the number's
// (protocol/person/id-number-facts.ts), and a request that says otherwise is refused in Chinese.
import type { Identity } from '../../protocol/hall/index.ts';
import { idNumberFacts, type IdNumberFacts } from '../../protocol/person/id-number-facts.ts';
import { ApiError } from '../core/module.ts';

/** The facts of a presented identity, taken from its number; a 400 in Chinese when the request says otherwise. */
export function verifiedIdentityFacts(identity: Pick<Identity, 'idNumber' | 'sex'> & { birthDate?: string }, today: string): IdNumberFacts {
  const facts = idNumberFacts(identity.idNumber, today);
  if (!facts) throw new ApiError(400, 'id_number_invalid', '身份证号码中的出生日期不正确，请核对证件后重试');
  if (identity.birthDate !== undefined && identity.birthDate !== facts.birthDate) {
    throw new ApiError(400, 'identity_mismatch', '出生日期与身份证号码不符，请重新读卡或核对证件');
  }
  if (identity.sex !== undefined && identity.sex !== facts.sex) {
    throw new ApiError(400, 'identity_mismatch', '性别与身份证号码不符，请重新读卡或核对证件');
  }
  return facts;
}
