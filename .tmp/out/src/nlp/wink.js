import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
let instance;
/** The wink-nlp instance with its English lite model, loaded once per process. */
export function wink() {
    instance ??= winkNLP(model, ['sbd', 'pos']);
    return instance;
}
