import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type WinkInstance = ReturnType<typeof winkNLP>;
let instance: WinkInstance | undefined;

/** The wink-nlp instance with its English lite model, loaded once per process. */
export function wink(): WinkInstance {
  instance ??= winkNLP(model, ['sbd', 'pos']);
  return instance;
}
