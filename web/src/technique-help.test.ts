import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TECHNIQUES } from '../../src/annotate/techniques/constants.js';
import { techniqueHelp } from './technique-help.js';

test('every technique the pipeline can flag has a one-line meaning for readers', () => {
  for (const label of TECHNIQUES) {
    const help = techniqueHelp(label);
    assert.ok(help && help.length > 20 && !help.includes('\n'), `meaning of ${label}`);
  }
  assert.equal(techniqueHelp('Not_A_Technique'), undefined);
});
