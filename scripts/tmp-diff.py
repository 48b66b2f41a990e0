import json,sys
a={j['id']:j for j in map(json.loads,open(sys.argv[1]))}
b={j['id']:j for j in map(json.loads,open(sys.argv[2]))}
f=lambda j:2*j['p']*j['r']/(j['p']+j['r']) if j['p']+j['r'] else 0
for k in sorted(a):
  if abs(f(a[k])-f(b[k]))>1e-9: print(k,a[k]['split'],'P %.3f->%.3f R %.3f->%.3f'%(a[k]['p'],b[k]['p'],a[k]['r'],b[k]['r']))
