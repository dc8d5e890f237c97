import { describe, expect, it } from 'vitest';
import { cpe22ToCpe23 } from './cpe22';

describe('cpe22ToCpe23', () => {
  it.each([
    ['cpe:/a:trendmicro:serverprotect', 'cpe:2.3:a:trendmicro:serverprotect:*:*:*:*:*:*:*:*'],
    ['cpe:/h:Panasonic:BB-SC384B:-', 'cpe:2.3:h:panasonic:bb-sc384b:-:*:*:*:*:*:*:*'],
    ['cpe:/o:cisco:ios:15.2%281%29e', 'cpe:2.3:o:cisco:ios:15.2\\(1\\)e:*:*:*:*:*:*:*'],
    [
      'cpe:/a:rockwellautomation:industrial_data_center_%28idc%29_with_veeam',
      'cpe:2.3:a:rockwellautomation:industrial_data_center_\\(idc\\)_with_veeam:*:*:*:*:*:*:*:*',
    ],
    ['cpe:/a:vendor:product:1.0:sp1::ja', 'cpe:2.3:a:vendor:product:1.0:sp1:*:ja:*:*:*:*'],
    [
      'cpe:/a:hp:insight_diagnostics:7.4.0.1570::~~online~win2003~x64~',
      'cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:*:*:*:online:win2003:x64:*',
    ],
    ['cpe:/a:foo%5cbar:big%24money:2010%02', 'cpe:2.3:a:foo\\\\bar:big\\$money:2010*:*:*:*:*:*:*:*'],
    ['cpe:/a:vendor:prod%01uct', 'cpe:2.3:a:vendor:prod?uct:*:*:*:*:*:*:*:*'],
  ])('%s → %s', (uri, expected) => {
    expect(cpe22ToCpe23(uri)).toBe(expected);
  });

  it.each([
    ['cpe:2.3:a:x:y:*:*:*:*:*:*:*:*'],
    ['cpe:/x:vendor:product'],
    ['cpe:/a:v:p:1:2:3:4:5'],
    ['cpe:/a:v:p%zz'],
    ['not a cpe'],
  ])('refuses %s', (text) => {
    expect(cpe22ToCpe23(text)).toBeUndefined();
  });
});
