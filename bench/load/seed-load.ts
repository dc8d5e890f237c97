// Seeds a fresh installation through its HTTP API for the load bench: the first owner, an API
// token (so autocannon needs no cookie or CSRF header), a system, an assessment of jssec-v2 and an
// inventory of generated devices imported as one CSV.

/** What the load needs to know about the seeded installation. */
export interface LoadSeed {
  readonly token: string;
  readonly assessmentId: string;
  readonly answers: readonly { readonly itemId: string; readonly version: number }[];
}

const PASSWORD = 'fuka-shiken-no-pasuwado-2026';

export async function seedLoadData(url: string, options: { devices: number }): Promise<LoadSeed> {
  let cookie = '';
  let csrf = '';
  let bearer = '';
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const form = body instanceof FormData;
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(form || body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(bearer ? { authorization: `Bearer ${bearer}` } : { cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) }),
      },
      body: form ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    const set = response.headers.getSetCookie();
    if (set.length > 0) cookie = set.map((line) => line.split(';')[0]).join('; ');
    const text = await response.text();
    if (!response.ok) throw new Error(`seeding: ${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : {}) as T;
  };

  const email = 'load@example.jp';
  await call('POST', '/api/auth/setup', { email, password: PASSWORD, organisationName: '負荷試験株式会社' });
  await call('POST', '/api/auth/login', { email, password: PASSWORD });
  csrf = (await call<{ csrfToken: string }>('GET', '/api/auth/me')).csrfToken;
  const { token } = await call<{ token: string }>('POST', '/api/account/tokens', {
    name: 'load bench',
    roleCeiling: 'owner',
    expiresInDays: 1,
  });
  bearer = token;
  const system = await call<{ id: string }>('POST', '/api/systems', {
    name: 'ビル管理システム',
    criticality: 'important',
  });
  const assessment = await call<{ id: string }>('POST', '/api/assessments', {
    systemId: system.id,
    title: '負荷試験',
  });

  const lines = ['asset_tag,name,ip_address,firmware_version'];
  for (let index = 0; index < options.devices; index += 1) {
    lines.push(
      `LOAD-${String(index).padStart(6, '0')},camera ${index},10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255},1.${index % 10}.0`,
    );
  }
  const form = new FormData();
  form.append('file', new Blob([`${lines.join('\n')}\n`], { type: 'text/csv' }), 'devices.csv');
  await call('POST', '/api/inventory/imports', form);

  const detail = await call<{ answers: { itemId: string; version: number }[] }>(
    'GET',
    `/api/assessments/${assessment.id}`,
  );
  if (detail.answers.length === 0) throw new Error('seeding: the assessment has no answers to save');
  return {
    token,
    assessmentId: assessment.id,
    answers: detail.answers.map((answer) => ({ itemId: answer.itemId, version: answer.version })),
  };
}
